import { CliSettings, loadCliSettings } from './cli-settings';

/** Talks to a running Dateline service: the CLI's way in while the service holds PGlite. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly tokens: Record<Role, string | undefined>,
  ) {}

  static fromSettings(settings: CliSettings = loadCliSettings()): ApiClient {
    return new ApiClient(settings.baseUrl, { editor: settings.editorToken, admin: settings.adminToken });
  }

  async post<T>(path: string, body: unknown, idempotencyKey?: string, role: Role = 'editor'): Promise<T> {
    const res = await this.fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${this.token(role)}`,
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as T & { message?: unknown };
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(answer.message ?? answer)}`);
    return answer;
  }

  async get<T>(path: string, role?: Role): Promise<T> {
    const res = await this.fetch(path, role ? { headers: { authorization: `Bearer ${this.token(role)}` } } : {});
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
    return (await res.json()) as T;
  }

  private token(role: Role): string {
    const token = this.tokens[role];
    if (!token) {
      const variable = role === 'admin' ? 'DATELINE_ADMIN_TOKEN' : 'DATELINE_TOKEN';
      throw new Error(
        `no ${role} token: set ${variable}, or start the service once with no tokens configured so it makes .dateline/${role}-token`,
      );
    }
    return token;
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, init);
    } catch (err) {
      throw new Error(`cannot reach the service at ${this.baseUrl}: start it first with npm start (or set DATELINE_URL)`, { cause: err });
    }
  }
}

type Role = 'editor' | 'admin';
