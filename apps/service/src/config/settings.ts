import { resolve } from 'node:path';

export type Role = 'api' | 'projector' | 'relay';

/** Everything the service reads from its environment, parsed once (DESIGN section 1). */
export interface Settings {
  readonly port: number;
  readonly host: string;
  /** Embedded PGlite data and the generated editor token live here. */
  readonly dataDir: string;
  /** PostgreSQL server for the store and read models; unset means embedded PGlite. */
  readonly databaseUrl?: string;
  /** In-memory PGlite, for tests: nothing is written to disk. */
  readonly inMemory: boolean;
  readonly editorTokens: readonly string[];
  readonly adminTokens: readonly string[];
  readonly bodyLimitBytes: number;
  readonly roles: readonly Role[];
  /** How long a read with minPosition waits for the projections, ms. */
  readonly minPositionWaitMs: number;
  /** How often the live stream (GET /timeline/stream) sends a heartbeat comment, ms. */
  readonly sseHeartbeatMs: number;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const roles = list(env.DATELINE_ROLES ?? 'api,projector,relay');
  for (const r of roles) if (!['api', 'projector', 'relay'].includes(r)) throw new Error(`DATELINE_ROLES: unknown role ${r} (use api, projector, relay)`);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATELINE_DATA_DIR ?? './.dateline'),
    databaseUrl: env.DATABASE_URL || undefined,
    inMemory: env.DATELINE_IN_MEMORY === '1',
    editorTokens: list(env.DATELINE_EDITOR_TOKENS),
    adminTokens: list(env.DATELINE_ADMIN_TOKENS),
    bodyLimitBytes: Number(env.DATELINE_BODY_LIMIT_BYTES ?? 1_048_576),
    roles: roles as Role[],
    minPositionWaitMs: Number(env.DATELINE_MIN_POSITION_WAIT_MS ?? 5000),
    sseHeartbeatMs: Number(env.DATELINE_SSE_HEARTBEAT_MS ?? 15_000),
  };
}
