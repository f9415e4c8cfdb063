import { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { story } from './fixtures';
import { PROCESS_ADMIN_TOKEN, PROCESS_EDITOR_TOKEN, SERVICE_SCRIPT, startProcess } from './service-process';

/** A fresh DATELINE_DATA_DIR on the real disk (not tmpfs: its syncs are what is tested). */
export const freshDataDir = (name: string) => mkdtempSync(join(tmpdir(), `dateline-${name}-`));

/** The environment of the built service on embedded PGlite in `dataDir`, whatever the caller's says. */
export const embeddedEnv = (dataDir: string, port: number): NodeJS.ProcessEnv => ({
  DATELINE_DATA_DIR: dataDir,
  DATELINE_IN_MEMORY: '0',
  DATABASE_URL: '',
  EVENTSTORE_URL: '',
  KAFKA_BROKERS: '',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATELINE_EDITOR_TOKENS: `editor=${PROCESS_EDITOR_TOKEN}`,
  DATELINE_ADMIN_TOKENS: `admin=${PROCESS_ADMIN_TOKEN}`,
  DATELINE_WRITE_RATE_LIMIT: '0',
});

/** The built service on embedded PGlite, optionally under a launcher such as strace. */
export function startEmbeddedService(dataDir: string, port: number, launcher: readonly string[] = []): Promise<ChildProcess> {
  // The first start runs initdb: minutes on a loaded machine.
  return startProcess(SERVICE_SCRIPT, embeddedEnv(dataDir, port), 'listening on', 240_000, launcher);
}

/** POST /stories as the process editor; resolves to the status and body. */
export async function postStory(port: number, slug: string): Promise<{ status: number; body: { id: string; position: number } }> {
  const res = await fetch(`http://127.0.0.1:${port}/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${PROCESS_EDITOR_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(story({ slug })),
  });
  return { status: res.status, body: (await res.json()) as { id: string; position: number } };
}
