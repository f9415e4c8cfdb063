import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SERVICE_SCRIPT = 'dist/apps/service/src/main.js';
export const PROCESS_EDITOR_TOKEN = 'process-editor';
export const PROCESS_ADMIN_TOKEN = 'process-admin';

/**
 * Starts a built Nest app as a child process and waits until its stdout says `ready`. The
 * service must be built first (`npm run build`; scripts/test.mjs does it for the suites that
 * need it), because Nest's DI needs the decorator metadata that only a real build emits.
 */
export function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: string,
  timeoutMs = 120_000,
  launcher: readonly string[] = [],
): Promise<ChildProcess> {
  if (!existsSync(script)) return Promise.reject(new Error(`${script} is missing: run \`npm run build\` first`));
  return new Promise((resolve, reject) => {
    // `launcher` runs node under another program (e.g. strace): [program, ...its arguments].
    // SERVICE_NODE_ARGS adds node's own flags, which NODE_OPTIONS refuses for some (e.g.
    // `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile a benchmark's service: docs/benchmarks.md).
    const nodeArgs = process.env.SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const [command, ...args] = [...launcher, process.execPath, ...nodeArgs, script];
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    // A log level above info hides the ready line: fail loudly instead of waiting forever.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not say "${ready}" within ${timeoutMs} ms: ${out.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        // Stop collecting: a busy service logs a line per request, and searching an ever
        // longer string for each chunk took more CPU than the load generator itself (the
        // benchmarks' client used 0.5 ms per request on it). The output is still drained.
        child.stdout.off('data', onData);
        child.stdout.resume();
        out = '';
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code, signal) => reject(new Error(`${script} exited (${code ?? signal}) before it was ready: ${out.slice(-2000)}`)));
  });
}

/** The Dateline service on PostgreSQL, with known editor and admin tokens. */
export function startService(databaseUrl: string, port: number, extra: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  return startProcess(
    SERVICE_SCRIPT,
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATELINE_EDITOR_TOKENS: `editor=${PROCESS_EDITOR_TOKEN}`,
      DATELINE_ADMIN_TOKENS: `admin=${PROCESS_ADMIN_TOKEN}`,
      DATELINE_WRITE_RATE_LIMIT: '0',
      ...extra,
    },
    'listening on',
  );
}

/** Ends a child with `signal` (SIGTERM: a graceful stop; SIGKILL: a crash) and waits for it. */
export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

// The specs of libs and apps need it too, so it lives with the store's test helpers.
export { freePort } from '@dateline/event-store/testing';

/** `npm start` with nothing configured (the embedded store, no tokens), plus `env`. */
export function newcomerEnv(port: number, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: '',
    EVENTSTORE_URL: '',
    DATELINE_IN_MEMORY: '0',
    DATELINE_EDITOR_TOKENS: '',
    DATELINE_ADMIN_TOKENS: '',
    DATELINE_SAMPLE: '',
    DATELINE_LOG_LEVEL: 'info',
    DATELINE_LOG_FORMAT: '',
    ...env,
  };
}
