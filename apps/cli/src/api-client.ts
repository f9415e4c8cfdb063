import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Talks to a running Dateline service: the CLI's way in while the service holds PGlite. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
  ) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): ApiClient {
    const baseUrl = env.DATELINE_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`;
    return new ApiClient(baseUrl.replace(/\/$/, ''), env.DATELINE_TOKEN ?? readGeneratedToken(env));
  }

  async post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
    if (!this.token) throw new Error('no token: set DATELINE_TOKEN, or start the service once so it makes .dateline/editor-token');
    const res = await this.fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.token}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as T & { message?: unknown };
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(answer.message ?? answer)}`);
    return answer;
  }

  async get<T>(path: string): Promise<T> {
    const res = await this.fetch(path, {});
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return (await res.json()) as T;
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, init);
    } catch {
      throw new Error(`cannot reach the service at ${this.baseUrl}: start it first with npm start (or set DATELINE_URL)`);
    }
  }
}

function readGeneratedToken(env: NodeJS.ProcessEnv): string | undefined {
  const file = join(resolve(env.DATELINE_DATA_DIR ?? './.dateline'), 'editor-token');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
