import { ChildProcess, spawn } from 'node:child_process';

export const BENCH_EDITOR_TOKEN = 'bench-editor';

/** Starts a built Nest app (`npm run build` first) as a child process and waits for it to listen. */
export function startProcess(script: string, env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(ready)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out.slice(-2000)}`)));
  });
}

/** The Dateline service on PostgreSQL, with a known editor token. */
export function startService(databaseUrl: string, port: number, extra: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  return startProcess(
    'dist/apps/service/src/main.js',
    { DATABASE_URL: databaseUrl, PORT: String(port), DATELINE_EDITOR_TOKENS: `bench=${BENCH_EDITOR_TOKEN}`, DATELINE_ADMIN_TOKENS: 'bench-admin', ...extra },
    'listening on',
  );
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
