import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp, CreatedApp } from '../../apps/service/src/app.factory';
import { loadSettings, Settings } from '../../apps/service/src/config/settings';

export const EDITOR_TOKEN = 'editor-token-for-tests';
export const ADMIN_TOKEN = 'admin-token-for-tests';
export const READER_TOKEN_WITHOUT_ROLE = 'nobody';

export interface TestApp extends CreatedApp {
  readonly settings: Settings;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * The real service on real storage: in-memory PGlite by default, or PostgreSQL with
 * `databaseUrl`. Tokens: editor `alice`, admin `root`.
 */
export async function startTestApp(overrides: Partial<Settings> & { env?: NodeJS.ProcessEnv; logStream?: DestinationStream } = {}): Promise<TestApp> {
  const { env = {}, logStream, ...rest } = overrides;
  const settings: Settings = {
    ...loadSettings({
      DATELINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'dateline-test-')),
      DATELINE_IN_MEMORY: '1',
      DATELINE_EDITOR_TOKENS: `alice=${EDITOR_TOKEN}`,
      DATELINE_ADMIN_TOKENS: `root=${ADMIN_TOKEN}`,
      // Suites write in bursts; the rate limit has a suite of its own.
      DATELINE_WRITE_RATE_LIMIT: '0',
      ...env,
    }),
    ...rest,
  };
  const created = await createApp(settings, logStream ? { logStream } : { logger: false });
  await created.app.init();
  await created.app.getHttpAdapter().getInstance().ready();
  return {
    ...created,
    settings,
    http: () => request(created.app.getHttpServer()),
    close: () => created.app.close(),
  };
}

/** Listens on a free port of 127.0.0.1 (for browsers and streams); answers the base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export const bearer = (token = EDITOR_TOKEN) => ({ Authorization: `Bearer ${token}` });
