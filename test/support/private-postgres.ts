import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './service-process';

const run = promisify(execFile);

/** Where Debian puts the PostgreSQL 15 server binaries; `DATELINE_TEST_PG_BIN` overrides it. */
export const PG_BIN = process.env.DATELINE_TEST_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** TCP port on 127.0.0.1; the same across restarts. */
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth). */
  readonly url: string;
  readonly dir: string;
  readonly running: boolean;
  /** `pg_ctl start` on the same data dir; resolves once it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m <mode>`: `fast` a clean shutdown, `immediate` a crash (recovery at the next start). */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** The server's own log, for failure messages. */
  log(): string;
  /** Stops the server (immediate) if it runs and deletes its directory. Safe to call twice. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL server of the test's own, in a temporary directory, on a free port: for suites
 * that stop, crash and restart PostgreSQL, which they must never do to the shared server on
 * 5432. initdb refuses to run as root, so as root the binaries run as the `postgres` OS user.
 * The server is not started: call `start()`.
 */
export async function createPrivatePostgres(options: { settings?: Record<string, string> } = {}): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-private-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = osUser('postgres');
    chownSync(dir, uid, gid);
  }
  const pgCommand = (bin: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]] : [join(PG_BIN, bin), args];

  const exec = async (bin: string, args: string[], timeout = 180_000) => {
    const [file, argv] = pgCommand(bin, args);
    try {
      return await run(file, argv, { timeout, cwd: dir });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `${bin} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}\n--- server log ---\n${tail(logFile)}`,
        { cause: err },
      );
    }
  };

  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    // fsync off is safe here: the tests crash PostgreSQL, never the OS. synchronous_commit must stay on:
    // with it off, an immediate stop loses commits that were already acknowledged.
    fsync: 'off',
    full_page_writes: 'off',
    shared_buffers: '32MB',
    max_connections: '60',
    ...options.settings,
  };
  const serverOptions = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ');

  let running = false;
  let destroyed = false;
  // If the test process dies without afterAll, the server must not outlive it.
  const onExit = () => {
    if (!running) return;
    try {
      const [file, argv] = pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      execFileSync(file, argv, { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // best effort
    }
  };
  process.once('exit', onExit);

  const self: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dir,
    get running() {
      return running;
    },
    async start() {
      if (destroyed) throw new Error('this private PostgreSQL was destroyed');
      // -w: wait until it accepts connections (after crash recovery when the last stop was immediate).
      await exec('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '180', '-o', serverOptions, 'start']);
      running = true;
    },
    async stop(mode = 'fast') {
      await exec('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '180', 'stop']);
      running = false;
    },
    log: () => tail(logFile),
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (running) await self.stop('immediate').catch(() => undefined);
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

function osUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no OS user ${name}: PostgreSQL's initdb cannot run as root`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function tail(file: string, chars = 4000): string {
  try {
    return readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '(no server log)';
  }
}
