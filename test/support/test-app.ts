import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp, CreatedApp } from '../../apps/service/src/app.factory';
import { loadSettings, Settings } from '../../apps/service/src/config/settings';
import { buildOpenApiDocument } from '../../apps/service/src/http/openapi';
import { Exchange, OpenApiConformance } from './openapi-conformance';

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
export async function startTestApp(
  overrides: Partial<Settings> & { env?: NodeJS.ProcessEnv; logStream?: DestinationStream } = {},
): Promise<TestApp> {
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
  const exchanges = recordExchanges(created);
  await created.app.init();
  await created.app.getHttpAdapter().getInstance().ready();
  return {
    ...created,
    settings,
    http: () => request(created.app.getHttpServer()),
    close: async () => {
      const problems = conformanceProblems(created, exchanges);
      await created.app.close();
      if (problems.length > 0) throw new Error(`The service disagreed with its OpenAPI document (GET /docs-json):\n${problems.join('\n')}`);
    },
  };
}

/**
 * Every request and answer of the suite, for the OpenAPI conformance check that close() runs
 * (test/support/openapi-conformance.ts). Installed here, by the test harness only.
 */
function recordExchanges(created: CreatedApp): Exchange[] {
  const exchanges: Exchange[] = [];
  created.app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (req, reply, payload) => {
      const streamed = payload !== null && typeof payload === 'object' && !Buffer.isBuffer(payload);
      exchanges.push({
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        contentType: reply.getHeader('content-type')?.toString(),
        payload:
          typeof payload === 'string'
            ? payload
            : Buffer.isBuffer(payload)
              ? // A kept answer goes out gzip-compressed to clients that take it: its JSON is checked as sent before compression.
                (reply.getHeader('content-encoding') === 'gzip' ? gunzipSync(payload) : payload).toString('utf8')
              : undefined,
        streamed,
        requestBody: req.body,
        query: { ...(req.query as Record<string, unknown>) },
      });
      return payload;
    });
  return exchanges;
}

function conformanceProblems(created: CreatedApp, exchanges: readonly Exchange[]): string[] {
  if (exchanges.length === 0) return [];
  const conformance = new OpenApiConformance(buildOpenApiDocument(created.app));
  const problems = exchanges.flatMap((x) => conformance.problems(x));
  // One line per kind of disagreement: a suite repeats its requests.
  return [...new Set(problems)].slice(0, 40);
}

/** Listens on a free port of 127.0.0.1 (for browsers and streams); answers the base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

export const bearer = (token = EDITOR_TOKEN) => ({ Authorization: `Bearer ${token}` });

/** A write as the editor that must answer 201: its `{ id, position }`. */
export async function created(t: TestApp, path: string, body: unknown): Promise<{ id: string; position: number }> {
  return (
    await t
      .http()
      .post(path)
      .set(bearer())
      .send(body as object)
      .expect(201)
  ).body as { id: string; position: number };
}
