import { resolve } from 'node:path';
import { parseDecimalInteger } from '@dateline/domain';
import { KafkaConfig, kafkaConfigFromEnv } from '@dateline/kafka';
import { parseEmbedOrigins } from './embed-origins';
import { parsePublicUrl } from './public-url';

export type Role = 'api' | 'projector' | 'relay';

/** Everything the service reads from its environment, parsed once (docs/architecture.md section 2). */
export interface Settings {
  readonly port: number;
  readonly host: string;
  /** Embedded PGlite data and the generated editor token live here. */
  readonly dataDir: string;
  /** PostgreSQL server for the store and read models; unset means embedded PGlite. */
  readonly databaseUrl?: string;
  /** EventStoreDB/KurrentDB for the event store (`esdb://…`); read models stay in PostgreSQL or PGlite. */
  readonly eventStoreUrl?: string;
  /** In-memory PGlite, for tests: nothing is written to disk. */
  readonly inMemory: boolean;
  readonly editorTokens: readonly string[];
  readonly adminTokens: readonly string[];
  readonly bodyLimitBytes: number;
  readonly roles: readonly Role[];
  /** How long a read with minPosition waits for the projections, ms. */
  readonly minPositionWaitMs: number;
  /** Writes per minute per editor token; 0: no limit. */
  readonly writeRateLimit: number;
  /** Origins allowed by CORS; empty: no CORS headers (same-origin only). */
  readonly corsOrigins: readonly string[];
  /** Sites whose pages may frame the embed (its CSP frame-ancestors); empty: none (config/embed-origins.ts). */
  readonly embedOrigins: readonly string[];
  /** The service's origin as readers reach it, for absolute links (embed snippets, oEmbed); config/public-url.ts. */
  readonly publicUrl: string;
  /** How often a standby instance tries to take over the projector or relay lease, ms. */
  readonly leaderRetryMs: number;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: string;
  /** `json` lines or `pretty` (pino-pretty); unset: pretty when stdout is a terminal. */
  readonly logFormat?: 'json' | 'pretty';
  /** The sample loaded into an empty embedded store at its first start (first-run/); `none`: nothing. */
  readonly sample: 'istanbul' | 'none';
  /** Readiness fails when the projections or the relay are further behind than this, seconds. */
  readonly readyMaxLagSeconds: number;
  /** Brokers and topics for the relay; unset (no KAFKA_BROKERS): the relay is off. */
  readonly kafka?: KafkaConfig;
  /** How often the live stream (GET /timeline/stream) sends a heartbeat comment, ms. */
  readonly sseHeartbeatMs: number;
  /** Public read answers kept until the read models move (reading/read-cache.ts); 0: off. */
  readonly readCacheEntries: number;
  /** Live streams open at once; one more is answered 503 with Retry-After. */
  readonly sseMaxStreams: number;
  /** Bytes a live stream may have queued for a client that is not reading; beyond, it is dropped. */
  readonly sseBufferBytes: number;
  /** Connections in the PostgreSQL pool (with DATABASE_URL). */
  readonly pgPoolMax: number;
  /** Public reads answered at once at most; one more is answered 503 with Retry-After (http/load-shedding.hook.ts). 0: no bound. */
  readonly maxReadsInFlight: number;
  /** Deadline for receiving a whole request (headers and body) from its first byte, ms (Node's requestTimeout). */
  readonly requestTimeoutMs: number;
  /** Deadline for receiving a request's headers, ms (Node's headersTimeout); at most requestTimeoutMs. */
  readonly headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests, ms. */
  readonly keepAliveTimeoutMs: number;
  /** The key material of the editor desk's session cookies (32+ characters); unset: one generated in the data dir. */
  readonly sessionSecret?: string;
  /** How long a desk session lasts after sign-in, seconds. */
  readonly sessionTtlSeconds: number;
  /** Fastify's trustProxy: whom to believe about the client's address and protocol (X-Forwarded-*); false: nobody. */
  readonly trustProxy: boolean | string;
  /** Public reads' Cache-Control: how long a cache may keep an answer, and serve it stale while it revalidates, seconds. */
  readonly httpMaxAgeSeconds: number;
  readonly httpStaleWhileRevalidateSeconds: number;
  /** The max-age of answers that cannot change: a page pinned by its cursor, an `asOf` instant well before the read position's time. */
  readonly httpSettledMaxAgeSeconds: number;
  /** Where the projector POSTs the cache keys (Surrogate-Key) of the answers a commit changed; unset: no purges. */
  readonly purgeUrl?: string;
  /** How long a purge request may take before it is given up, ms. */
  readonly purgeTimeoutMs: number;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const roles = list(env.DATELINE_ROLES ?? 'api,projector,relay');
  for (const r of roles)
    if (!['api', 'projector', 'relay'].includes(r)) throw new Error(`DATELINE_ROLES: unknown role ${r} (use api, projector, relay)`);
  const port = integer(env, 'PORT', 3000, 0, 65_535);
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    dataDir: resolve(env.DATELINE_DATA_DIR ?? './.dateline'),
    databaseUrl: env.DATABASE_URL || undefined,
    eventStoreUrl: eventStoreUrl(env.EVENTSTORE_URL),
    inMemory: env.DATELINE_IN_MEMORY === '1',
    editorTokens: list(env.DATELINE_EDITOR_TOKENS),
    adminTokens: list(env.DATELINE_ADMIN_TOKENS),
    roles: roles as Role[],
    logLevel: env.DATELINE_LOG_LEVEL ?? 'info',
    logFormat: oneOf('DATELINE_LOG_FORMAT', env.DATELINE_LOG_FORMAT, ['json', 'pretty'] as const),
    sample: oneOf('DATELINE_SAMPLE', env.DATELINE_SAMPLE, ['istanbul', 'none'] as const) ?? 'istanbul',
    corsOrigins: list(env.DATELINE_CORS_ORIGINS),
    embedOrigins: parseEmbedOrigins(env.DATELINE_EMBED_ORIGINS),
    publicUrl: parsePublicUrl(env.DATELINE_PUBLIC_URL, { host, port }),
    sessionSecret: sessionSecret(env.DATELINE_SESSION_SECRET),
    trustProxy: trustProxy(env.DATELINE_TRUST_PROXY),
    purgeUrl: purgeUrl(env.DATELINE_PURGE_URL),
    // The lib's own config module reads the KAFKA_* variables, from this same environment.
    kafka: kafkaConfigFromEnv(env),
    ...tuning(env),
    ...connectionLimits(env),
  };
}

/**
 * The numeric knobs, each parsed and range-checked here and nowhere else: a typo (`5s`, `-1`,
 * `0x10`) must stop the start naming the variable, never become NaN that turns a limit off.
 */
function tuning(env: NodeJS.ProcessEnv) {
  return {
    bodyLimitBytes: integer(env, 'DATELINE_BODY_LIMIT_BYTES', 1_048_576, 1024, 1024 * 1024 * 1024),
    // 0: a read with minPosition answers at once with what is projected (no wait).
    minPositionWaitMs: integer(env, 'DATELINE_MIN_POSITION_WAIT_MS', 5000, 0, 300_000),
    leaderRetryMs: integer(env, 'DATELINE_LEADER_RETRY_MS', 2000, 10, 3_600_000),
    // 0: no limit.
    writeRateLimit: integer(env, 'DATELINE_WRITE_RATE_LIMIT', 1200, 0, 10_000_000),
    readyMaxLagSeconds: integer(env, 'DATELINE_READY_MAX_LAG_SECONDS', 30, 1, 86_400),
    sseHeartbeatMs: integer(env, 'DATELINE_SSE_HEARTBEAT_MS', 15_000, 10, 3_600_000),
    // 0: the read cache is off.
    readCacheEntries: integer(env, 'DATELINE_READ_CACHE_ENTRIES', 1000, 0, 1_000_000),
    pgPoolMax: integer(env, 'DATELINE_PG_POOL_MAX', 20, 1, 10_000),
    // A working day by default: an editor signs in once per shift.
    sessionTtlSeconds: integer(env, 'DATELINE_SESSION_TTL_SECONDS', 8 * 3600, 1, 30 * 86_400),
    // A developing story changes by the minute: a few seconds of caching carry a burst of readers,
    // and a CDN that gets purges (DATELINE_PURGE_URL) may keep answers longer by its own rules.
    httpMaxAgeSeconds: integer(env, 'DATELINE_HTTP_MAX_AGE_SECONDS', 5, 0, 31_536_000),
    httpStaleWhileRevalidateSeconds: integer(env, 'DATELINE_HTTP_STALE_WHILE_REVALIDATE_SECONDS', 30, 0, 31_536_000),
    httpSettledMaxAgeSeconds: integer(env, 'DATELINE_HTTP_SETTLED_MAX_AGE_SECONDS', 86_400, 0, 31_536_000),
    purgeTimeoutMs: integer(env, 'DATELINE_PURGE_TIMEOUT_MS', 2000, 10, 60_000),
  };
}

/**
 * Live-stream limits and request deadlines (issue 13). Each is range-checked: a typo must stop
 * the start rather than quietly turn a limit off.
 */
function connectionLimits(env: NodeJS.ProcessEnv) {
  const limits = {
    sseMaxStreams: integer(env, 'DATELINE_SSE_MAX_STREAMS', 1000, 1, 1_000_000),
    sseBufferBytes: integer(env, 'DATELINE_SSE_BUFFER_BYTES', 256 * 1024, 1024, 64 * 1024 * 1024),
    // 0: no bound. The default is far above what a healthy instance has in flight (a few at
    // 2,000 reads/s) and well below a backlog that would take seconds to answer.
    maxReadsInFlight: integer(env, 'DATELINE_MAX_READS_IN_FLIGHT', 128, 0, 1_000_000),
    requestTimeoutMs: integer(env, 'DATELINE_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    headersTimeoutMs: integer(env, 'DATELINE_HEADERS_TIMEOUT_MS', 10_000, 100, 3_600_000),
    // Longer than the 60 s idle timeout of common load balancers, so that they close first and
    // never send a request on a connection we are closing.
    keepAliveTimeoutMs: integer(env, 'DATELINE_KEEP_ALIVE_TIMEOUT_MS', 72_000, 100, 3_600_000),
  };
  // Node refuses a headers deadline past the whole request's.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(
      `DATELINE_HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed DATELINE_REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs})`,
    );
  }
  return limits;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  // Decimal digits only (the same rule as query parameters): Number() alone would take `0x10`, `1e3` and `Infinity`.
  const value = parseDecimalInteger(raw.trim(), { min, max, what: name });
  if (value === undefined) throw new Error(`${name}: expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return value;
}

/** An optional choice among a few words; anything else stops the start, naming the variable. */
function oneOf<T extends string>(variable: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (!value) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`${variable}: expected ${allowed.join(' or ')}, got ${JSON.stringify(value)}`);
  return value as T;
}

/** Only ESDB connection strings: a typo here must stop the start, not fall back to another store. */
function eventStoreUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^esdb(\+discover)?:\/\//.test(value))
    throw new Error(`EVENTSTORE_URL: expected esdb://host:port or esdb+discover://host:port, got ${JSON.stringify(value)}`);
  return value;
}

/** An http(s) URL, or unset; anything else stops the start, naming the variable. */
function purgeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`DATELINE_PURGE_URL: expected an http:// or https:// URL, got ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`DATELINE_PURGE_URL: expected an http:// or https:// URL, got ${JSON.stringify(value)}`);
  return url.toString();
}

/** A short secret would make forged session cookies guessable: refuse it at start. */
function sessionSecret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new Error(`DATELINE_SESSION_SECRET: expected at least 32 characters, got ${value.length}`);
  return value;
}

/**
 * `true` (every proxy: the service is only reachable through one), `false` (the default), or the
 * proxies' addresses (comma-separated IPs or CIDRs), as Fastify's trustProxy takes them. The desk's
 * session cookie is Secure when the request came over HTTPS, which behind a proxy only
 * X-Forwarded-Proto from a trusted proxy can say.
 */
function trustProxy(value: string | undefined): boolean | string {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  const addresses = list(v);
  for (const a of addresses)
    if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))
      throw new Error(`DATELINE_TRUST_PROXY: expected true, false or proxy addresses (IPs or CIDRs), got ${JSON.stringify(a)}`);
  return addresses.join(',');
}
