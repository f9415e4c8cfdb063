import { AppendSignal } from '../append-signal';
import { defaultFingerprint } from '../default-fingerprint';
import { ClaimTaken, IdempotencyKeyReused, StoreUnavailable, WrongExpectedVersion } from '../errors';
import {
  AppendOptions,
  AppendResult,
  Backlog,
  EventStore,
  ExpectedVersion,
  NewEvent,
  Position,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { followLog } from '../follow-log';
import { SqlClient, SqlQueryable } from '../sql/sql-client';
import { CLAIM_HOLDERS_SQL, CLAIMS_SCHEMA, TAKE_CLAIMS_SQL } from './claims-schema';
import { APPEND_SQL, EVENT_STORE_SCHEMA, EVENTS_PER_APPEND_MAX } from './schema';

const CHANNEL = 'dateline_events';
const MIGRATION_LOCK = 0x6461_7465; // "date"

interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
}

interface PlainAppendRow {
  current_version: string | number;
  first_position: string | null;
  last_position: string | null;
  version: string | number | null;
}

interface AppendRow {
  stream_id: string;
  first_position: string;
  last_position: string;
  version: number;
  replayed: boolean;
}

const EXPECTED_CODES: Record<Exclude<ExpectedVersion, number>, number> = { any: -1, no_stream: -2, stream_exists: -3 };

/** The event store on PostgreSQL, through either driver (see `SqlClient`). */
export class PostgresEventStore implements EventStore {
  private readonly signal: AppendSignal;
  private unlisten?: () => Promise<void>;

  private constructor(private readonly sql: SqlClient) {
    // PGlite is single-process: every follower is in this process and the local signal suffices.
    this.signal = new AppendSignal(sql.driver === 'pg' ? () => sql.query(`SELECT pg_notify('${CHANNEL}', '')`) : undefined);
  }

  static async create(sql: SqlClient): Promise<PostgresEventStore> {
    await migrate(sql);
    const store = new PostgresEventStore(sql);
    if (sql.driver === 'pg') store.unlisten = await sql.listen(CHANNEL, () => store.signal.wake());
    return store;
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedVersion, options: AppendOptions = {}): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    if (events.length > EVENTS_PER_APPEND_MAX) throw new RangeError(`append takes at most ${EVENTS_PER_APPEND_MAX} events`);
    const expectedCode = typeof expected === 'number' ? expected : EXPECTED_CODES[expected];
    const payload = JSON.stringify(
      events.map((e) => ({ id: e.id, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })),
    );
    const key = options.idempotencyKey ?? null;
    const fingerprint = key === null ? null : (options.fingerprint ?? defaultFingerprint(stream, events));
    for (let attempt = 0; ; attempt++) {
      try {
        const once = (q: SqlQueryable) =>
          key === null
            ? this.appendPlain(q, stream, expectedCode, payload, expected)
            : this.appendIdempotent(q, stream, expectedCode, payload, key, fingerprint!);
        const claims = options.claims ?? [];
        const r =
          claims.length === 0
            ? await once(this.sql)
            : await this.sql.transaction((tx) => this.appendClaiming(tx, stream, claims, key !== null, once));
        // Acknowledged means on disk (ADR 0009): after the commit, off the connection, grouped.
        await this.sql.syncCommitted().catch((err: unknown) => {
          throw new StoreUnavailable(err);
        });
        if (!r.replayed) this.signal.appended();
        return {
          streamId: r.stream_id,
          version: r.version,
          firstPosition: Number(r.first_position),
          position: Number(r.last_position),
          replayed: r.replayed,
        };
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (err instanceof ClaimTaken || err instanceof WrongExpectedVersion) throw err;
        if (code === 'DL409') throw new WrongExpectedVersion(stream, expected, Number((err as { detail?: string }).detail));
        if (code === 'DL422') throw new IdempotencyKeyReused(key!);
        if (
          code === '23505' &&
          String((err as { constraint?: string }).constraint ?? (err as Error).message).includes('dateline_events_stream_version')
        ) {
          // Lost a race with a concurrent append to the same stream.
          if (expected === 'any' && attempt < 5) continue;
          throw new WrongExpectedVersion(stream, expected, await this.streamVersion(stream));
        }
        throw toUnavailable(err);
      }
    }
  }

  /**
   * The append and its claims in one transaction. Without a key the claims come first, so
   * that concurrent claimants of one name queue on it before doing any other work. With a key
   * the append comes first: a replay of the key answers its first result, claims and all.
   */
  private async appendClaiming(
    tx: SqlQueryable,
    stream: string,
    claims: readonly string[],
    keyed: boolean,
    once: (q: SqlQueryable) => Promise<AppendRow>,
  ): Promise<AppendRow> {
    if (!keyed) await takeClaims(tx, stream, claims);
    const r = await once(tx);
    if (keyed && !r.replayed) await takeClaims(tx, stream, claims);
    return r;
  }

  private async appendPlain(
    q: SqlQueryable,
    stream: string,
    expectedCode: number,
    payload: string,
    expected: ExpectedVersion,
  ): Promise<AppendRow> {
    const { rows } = await q.query<PlainAppendRow>(APPEND_SQL, [stream, expectedCode, payload], 'dateline_append_plain');
    const r = rows[0];
    if (r.first_position === null) throw new WrongExpectedVersion(stream, expected, Number(r.current_version));
    return {
      stream_id: stream,
      first_position: r.first_position,
      last_position: r.last_position!,
      version: Number(r.version),
      replayed: false,
    };
  }

  private async appendIdempotent(
    q: SqlQueryable,
    stream: string,
    expectedCode: number,
    payload: string,
    key: string,
    fingerprint: string,
  ): Promise<AppendRow> {
    const { rows } = await q.query<AppendRow>(
      'SELECT * FROM dateline_append($1, $2, $3::jsonb, $4, $5)',
      [stream, expectedCode, payload, key, fingerprint],
      'dateline_append',
    );
    return rows[0];
  }

  async findIdempotent(key: string, fingerprint: string): Promise<AppendResult | undefined> {
    const { rows } = await this.run<AppendRow & { fingerprint: string }>(
      `SELECT stream_id, first_position, last_position, version, fingerprint, true AS replayed
         FROM dateline_idempotency WHERE key = $1 AND version IS NOT NULL`,
      [key],
    );
    const r = rows[0];
    if (!r) return undefined;
    if (r.fingerprint !== fingerprint) throw new IdempotencyKeyReused(key);
    return {
      streamId: r.stream_id,
      version: r.version,
      firstPosition: Number(r.first_position),
      position: Number(r.last_position),
      replayed: true,
    };
  }

  async claimHolder(claim: string): Promise<string | undefined> {
    const { rows } = await this.run<{ stream_id: string }>(CLAIM_HOLDERS_SQL, [[claim]]);
    return rows[0]?.stream_id;
  }

  async readStream(stream: string, afterVersion = 0): Promise<RecordedEvent[]> {
    const { rows } = await this.run<EventRow>(
      `SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata
         FROM dateline_events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
      [stream, afterVersion],
    );
    return rows.map(toRecorded);
  }

  async readAll(after: Position, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.run<EventRow>(
      `SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata
         FROM dateline_events WHERE position > $1 AND position < (SELECT dateline_read_horizon())
        ORDER BY position LIMIT $2`,
      [after, limit],
    );
    return rows.map(toRecorded);
  }

  subscribe(after: Position, handler: (batch: RecordedEvent[]) => Promise<void>, options?: SubscribeOptions): Subscription {
    return followLog((a, l) => this.readAll(a, l), this.signal, after, handler, options);
  }

  async backlog(after: Position, limit: number): Promise<Backlog> {
    const { rows } = await this.run<{ events: number; first: string | null }>(
      `WITH h AS (SELECT dateline_read_horizon() AS p)
       SELECT (SELECT count(*)::int FROM (SELECT 1 FROM dateline_events, h WHERE position > $1 AND position < h.p LIMIT $2) n) AS events,
              (SELECT metadata->>'recordedAt' FROM dateline_events, h WHERE position > $1 AND position < h.p ORDER BY position LIMIT 1) AS first`,
      [after, limit],
    );
    return { events: rows[0].events, ...(rows[0].first ? { firstRecordedAt: rows[0].first } : {}) };
  }

  async countEvents(): Promise<number> {
    const { rows } = await this.run<{ n: string }>(
      'SELECT count(*) AS n FROM dateline_events WHERE position < (SELECT dateline_read_horizon())',
    );
    return Number(rows[0].n);
  }

  async headPosition(): Promise<Position> {
    const { rows } = await this.run<{ head: string | null }>(
      'SELECT max(position) AS head FROM dateline_events WHERE position < (SELECT dateline_read_horizon())',
    );
    return Number(rows[0].head ?? 0);
  }

  async close(): Promise<void> {
    await this.unlisten?.();
    this.unlisten = undefined;
  }

  private async streamVersion(stream: string): Promise<number> {
    const { rows } = await this.run<{ v: number | null }>('SELECT max(stream_version) AS v FROM dateline_events WHERE stream_id = $1', [
      stream,
    ]);
    return rows[0].v ?? 0;
  }

  private async run<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await this.sql.query<R>(text, params);
    } catch (err) {
      throw toUnavailable(err);
    }
  }
}

async function migrate(sql: SqlClient): Promise<void> {
  // Instances starting together must not race on CREATE OR REPLACE FUNCTION.
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    for (const statement of splitStatements(EVENT_STORE_SCHEMA + CLAIMS_SCHEMA)) await tx.query(statement);
  });
}

/** Takes `claims` for `stream` in the transaction `tx`, or throws ClaimTaken (rolling it back). */
async function takeClaims(tx: SqlQueryable, stream: string, claims: readonly string[]): Promise<void> {
  const { rows: took } = await tx.query<{ claim: string }>(TAKE_CLAIMS_SQL, [stream, claims]);
  if (took.length === claims.length) return;
  // Held already: by this stream (a claim is taken again harmlessly) or by another.
  const { rows } = await tx.query<{ claim: string; stream_id: string }>(CLAIM_HOLDERS_SQL, [claims]);
  const other = rows.find((r) => r.stream_id !== stream);
  if (other) throw new ClaimTaken(other.claim, other.stream_id);
}

/** Splits a schema script on top-level semicolons, keeping `$$ … $$` bodies whole. */
export function splitStatements(script: string): string[] {
  const out: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of script.split('\n')) {
    if (/^\s*--/.test(line) && !inBody) continue;
    current += line + '\n';
    if ((line.match(/\$\$/g) ?? []).length % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

function toRecorded(r: EventRow): RecordedEvent {
  return {
    id: r.event_id,
    streamId: r.stream_id,
    streamVersion: r.stream_version,
    position: Number(r.position),
    type: r.type,
    schemaVersion: r.schema_version,
    data: r.data,
    metadata: r.metadata,
  };
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/** Connection-level failures become `StoreUnavailable` (503); anything else stays a bug. */
function toUnavailable(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : '';
  if (
    CONNECTION_CODES.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/.test(message)
  ) {
    return new StoreUnavailable(err);
  }
  return err;
}
