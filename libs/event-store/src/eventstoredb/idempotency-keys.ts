import { SqlClient } from '../sql/sql-client';

/**
 * Idempotency keys of the EventStoreDB adapter, kept in the read-model database (PostgreSQL
 * or PGlite): ESDB appends to one stream atomically and has no index by event id, so it
 * cannot say by itself which append a key made. Why here, and the protocol that uses this
 * table: docs/adr/0003-eventstoredb-adapter.md and `idempotent-append.ts`.
 *
 * A row is a key's record: `base_version` and `event_count` are an append's *intent* (its
 * events go right after version `base_version` of `stream_id`), written before it reaches
 * ESDB; `version` and the positions are its *outcome*, written after. Every change is one
 * autocommitted compare-and-set statement: no transaction stays open across an ESDB call.
 */
export const IDEMPOTENCY_TABLE = 'dateline_esdb_idempotency';
const MIGRATION_LOCK = 0x6573_6462; // "esdb"

export const IDEMPOTENCY_SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS ${IDEMPOTENCY_TABLE} (
  key             text        PRIMARY KEY,
  fingerprint     text        NOT NULL,
  stream_id       text        NOT NULL,
  base_version    integer,
  event_count     integer,
  version         integer,
  first_position  bigint,
  last_position   bigint,
  created_at      timestamptz NOT NULL DEFAULT now()
)`;

export interface KeyRecord {
  readonly key: string;
  readonly fingerprint: string;
  readonly streamId: string;
  /** The intent: null until an append is about to be made. */
  readonly baseVersion: number | null;
  readonly eventCount: number | null;
  /** The outcome: null until the append is known to have landed. */
  readonly version: number | null;
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
}

export interface Landed {
  readonly version: number;
  readonly firstPosition: number;
  readonly position: number;
}

interface KeyRow {
  key: string;
  fingerprint: string;
  stream_id: string;
  base_version: number | null;
  event_count: number | null;
  version: number | null;
  first_position: string | null;
  last_position: string | null;
}

export class IdempotencyKeys {
  constructor(private readonly sql: SqlClient) {}

  /** Creates the table once; instances starting together wait for each other. */
  async migrate(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await tx.query(IDEMPOTENCY_SCHEMA);
    });
  }

  /** Creates the key's record unless it exists (whoever made it first keeps it). */
  async claim(key: string, fingerprint: string, stream: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO ${IDEMPOTENCY_TABLE} (key, fingerprint, stream_id) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
      [key, fingerprint, stream],
    );
  }

  async get(key: string): Promise<KeyRecord | undefined> {
    const { rows } = await this.sql.query<KeyRow>(
      `SELECT key, fingerprint, stream_id, base_version, event_count, version, first_position, last_position FROM ${IDEMPOTENCY_TABLE} WHERE key = $1`,
      [key],
    );
    return rows[0] && toRecord(rows[0]);
  }

  /** Records the intent, if no other intent or outcome is recorded. True if this call did. */
  async recordIntent(key: string, stream: string, baseVersion: number, eventCount: number): Promise<boolean> {
    const { rows } = await this.sql.query(
      `UPDATE ${IDEMPOTENCY_TABLE} SET stream_id = $2, base_version = $3, event_count = $4
        WHERE key = $1 AND version IS NULL AND base_version IS NULL RETURNING key`,
      [key, stream, baseVersion, eventCount],
    );
    return rows.length === 1;
  }

  /** Drops the intent at `baseVersion` (known not to land), keeping the key claimed. */
  async releaseIntent(key: string, baseVersion: number): Promise<void> {
    await this.sql.query(
      `UPDATE ${IDEMPOTENCY_TABLE} SET base_version = NULL, event_count = NULL WHERE key = $1 AND version IS NULL AND base_version = $2`,
      [key, baseVersion],
    );
  }

  /** Frees the key (its append failed): `baseVersion` null frees it only while it has no intent. */
  async forget(key: string, baseVersion: number | null): Promise<void> {
    await this.sql.query(
      `DELETE FROM ${IDEMPOTENCY_TABLE} WHERE key = $1 AND version IS NULL AND base_version IS NOT DISTINCT FROM $2::integer`,
      [key, baseVersion],
    );
  }

  /** Records the outcome, if none is recorded. True if this call did. */
  async complete(key: string, landed: Landed): Promise<boolean> {
    const { rows } = await this.sql.query(
      `UPDATE ${IDEMPOTENCY_TABLE} SET version = $2, first_position = $3, last_position = $4
        WHERE key = $1 AND version IS NULL RETURNING key`,
      [key, landed.version, landed.firstPosition, landed.position],
    );
    return rows.length === 1;
  }
}

function toRecord(r: KeyRow): KeyRecord {
  return {
    key: r.key,
    fingerprint: r.fingerprint,
    streamId: r.stream_id,
    baseVersion: r.base_version,
    eventCount: r.event_count,
    version: r.version,
    firstPosition: r.first_position === null ? null : Number(r.first_position),
    lastPosition: r.last_position === null ? null : Number(r.last_position),
  };
}
