import { RecordedEvent, SqlQueryable } from '@dateline/event-store';
import { NEXT_SUFFIX } from '../tables/table-names';

/**
 * Events a projection could not apply, one row per projection and event, next to the
 * checkpoints and written in the same transactions (ADR 0008). `quarantined` rows fail
 * readiness and hold back the later events of their stream for that projection; `skipped`
 * rows were acknowledged by an operator and only stay on record. A retried event that
 * applies leaves the table.
 */
export const QUARANTINE_TABLE = 'projection_quarantine';
/** Where a rebuild records what it quarantines; its swap moves the rows into QUARANTINE_TABLE. */
export const NEXT_QUARANTINE_TABLE = `${QUARANTINE_TABLE}${NEXT_SUFFIX}`;

export type QuarantineStatus = 'quarantined' | 'skipped';

export interface QuarantinedEvent {
  readonly projection: string;
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly streamId: string;
  readonly error: string;
  /** The SQLSTATE when a statement failed. */
  readonly sqlState: string | null;
  /** Set when the event did not fail itself but waits behind this earlier event of its stream. */
  readonly waitsBehind: number | null;
  readonly status: QuarantineStatus;
  readonly quarantinedAt: string;
  readonly skippedAt: string | null;
}

/** What a batch hands over to be recorded. */
export interface QuarantineEntry {
  readonly projection: string;
  readonly recorded: RecordedEvent;
  readonly error: string;
  readonly sqlState?: string;
  readonly waitsBehind?: number;
}

export function quarantineSchema(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${table} (
    projection text NOT NULL, position bigint NOT NULL, event_id text NOT NULL, event_type text NOT NULL, stream_id text NOT NULL,
    error text NOT NULL, sql_state text, waits_behind bigint, status text NOT NULL DEFAULT 'quarantined',
    quarantined_at timestamptz NOT NULL DEFAULT now(), skipped_at timestamptz,
    PRIMARY KEY (projection, position))`;
}

/** Records entries; an event recorded already (the projector replaying after a rebuild's swap) keeps its row. */
export async function recordQuarantine(tx: SqlQueryable, table: string, entries: readonly QuarantineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((e) => ({
    projection: e.projection,
    position: e.recorded.position,
    event_id: e.recorded.id,
    event_type: e.recorded.type,
    stream_id: e.recorded.streamId,
    error: e.error,
    sql_state: e.sqlState ?? null,
    waits_behind: e.waitsBehind ?? null,
  }));
  await tx.query(
    `INSERT INTO ${table} (projection, position, event_id, event_type, stream_id, error, sql_state, waits_behind)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(projection text, position bigint, event_id text, event_type text, stream_id text, error text, sql_state text, waits_behind bigint)
     ON CONFLICT (projection, position) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/**
 * For each projection, its streams that have a quarantined event, to that event's position:
 * their later events wait behind it, so that a retry applies a stream's events in order.
 */
export async function readBlockedStreams(q: SqlQueryable, projections: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const { rows } = await q.query<{ projection: string; stream_id: string; head: string }>(
    `SELECT projection, stream_id, min(position) AS head FROM ${QUARANTINE_TABLE} WHERE status = 'quarantined' AND projection = ANY($1::text[]) GROUP BY projection, stream_id`,
    [projections],
  );
  const blocked = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!blocked.has(r.projection)) blocked.set(r.projection, new Map());
    blocked.get(r.projection)!.set(r.stream_id, Number(r.head));
  }
  return blocked;
}

interface QuarantineRow {
  projection: string;
  position: string;
  event_id: string;
  event_type: string;
  stream_id: string;
  error: string;
  sql_state: string | null;
  waits_behind: string | null;
  status: QuarantineStatus;
  quarantined_at: Date | string;
  skipped_at: Date | string | null;
}

const iso = (d: Date | string): string => new Date(d).toISOString();

export function toQuarantinedEvent(r: QuarantineRow): QuarantinedEvent {
  return {
    projection: r.projection,
    position: Number(r.position),
    eventId: r.event_id,
    type: r.event_type,
    streamId: r.stream_id,
    error: r.error,
    sqlState: r.sql_state,
    waitsBehind: r.waits_behind === null ? null : Number(r.waits_behind),
    status: r.status,
    quarantinedAt: iso(r.quarantined_at),
    skippedAt: r.skipped_at === null ? null : iso(r.skipped_at),
  };
}

/**
 * At most this many rows in one listing: a projection that fails on every event must not turn
 * GET /admin/quarantine into an answer of millions of rows; the first ones name the cause.
 */
const QUARANTINE_LIST_LIMIT = 1000;

/** Rows in log order, all of them or those with `status` (the first QUARANTINE_LIST_LIMIT). */
export async function listQuarantine(
  q: SqlQueryable,
  status?: QuarantineStatus,
  limit = QUARANTINE_LIST_LIMIT,
): Promise<QuarantinedEvent[]> {
  const { rows } = await q.query<QuarantineRow>(
    `SELECT * FROM ${QUARANTINE_TABLE} WHERE ($1::text IS NULL OR status = $1) ORDER BY position, projection LIMIT $2`,
    [status ?? null, limit],
  );
  return rows.map(toQuarantinedEvent);
}

/** How many events each projection has in each status (for metrics). */
export async function countQuarantine(q: SqlQueryable): Promise<{ projection: string; status: QuarantineStatus; count: number }[]> {
  const { rows } = await q.query<{ projection: string; status: QuarantineStatus; n: string }>(
    `SELECT projection, status, count(*) AS n FROM ${QUARANTINE_TABLE} GROUP BY projection, status`,
  );
  return rows.map((r) => ({ projection: r.projection, status: r.status, count: Number(r.n) }));
}

/** The quarantined event and those waiting behind it in its stream, in log order, locked unless `lock` is false. */
export async function lockStreamQuarantine(
  tx: SqlQueryable,
  projection: string,
  position: number,
  lock = true,
): Promise<{ target?: QuarantinedEvent; earlier?: QuarantinedEvent; following: QuarantinedEvent[] }> {
  const { rows } = await tx.query<QuarantineRow>(
    `SELECT * FROM ${QUARANTINE_TABLE} WHERE projection = $1 AND position = $2${lock ? ' FOR UPDATE' : ''}`,
    [projection, position],
  );
  const target = rows[0] ? toQuarantinedEvent(rows[0]) : undefined;
  if (!target || target.status !== 'quarantined') return { target, following: [] };
  const stream = await tx.query<QuarantineRow>(
    `SELECT * FROM ${QUARANTINE_TABLE} WHERE projection = $1 AND stream_id = $2 AND status = 'quarantined' AND position <> $3 ORDER BY position${lock ? ' FOR UPDATE' : ''}`,
    [projection, target.streamId, position],
  );
  const others = stream.rows.map(toQuarantinedEvent);
  return { target, earlier: others.find((o) => o.position < position), following: others.filter((o) => o.position > position) };
}

export async function removeFromQuarantine(tx: SqlQueryable, projection: string, position: number): Promise<void> {
  await tx.query(`DELETE FROM ${QUARANTINE_TABLE} WHERE projection = $1 AND position = $2`, [projection, position]);
}

/** The event failed itself (it waited behind another before): its own error, and those behind it now wait behind it. */
export async function updateQuarantineError(
  tx: SqlQueryable,
  projection: string,
  position: number,
  error: string,
  sqlState: string | undefined,
  behindIt: readonly number[],
): Promise<void> {
  await tx.query(`UPDATE ${QUARANTINE_TABLE} SET error = $3, sql_state = $4, waits_behind = NULL WHERE projection = $1 AND position = $2`, [
    projection,
    position,
    error,
    sqlState ?? null,
  ]);
  if (behindIt.length > 0) {
    await tx.query(`UPDATE ${QUARANTINE_TABLE} SET waits_behind = $2 WHERE projection = $1 AND position = ANY($3::bigint[])`, [
      projection,
      position,
      behindIt,
    ]);
  }
}

export async function skipQuarantined(q: SqlQueryable, projection: string, position: number): Promise<QuarantinedEvent | undefined> {
  const { rows } = await q.query<QuarantineRow>(
    `UPDATE ${QUARANTINE_TABLE} SET status = 'skipped', skipped_at = now() WHERE projection = $1 AND position = $2 AND status = 'quarantined' RETURNING *`,
    [projection, position],
  );
  return rows[0] ? toQuarantinedEvent(rows[0]) : undefined;
}

export async function findQuarantined(q: SqlQueryable, projection: string, position: number): Promise<QuarantinedEvent | undefined> {
  const { rows } = await q.query<QuarantineRow>(`SELECT * FROM ${QUARANTINE_TABLE} WHERE projection = $1 AND position = $2`, [
    projection,
    position,
  ]);
  return rows[0] ? toQuarantinedEvent(rows[0]) : undefined;
}

/**
 * Replaces the rebuilt projections' rows with what the rebuild recorded, in the swap's
 * transaction. An event an operator had skipped and the rebuild met again stays skipped.
 */
export async function swapInQuarantine(tx: SqlQueryable, projections: readonly string[]): Promise<void> {
  await tx.query(
    `UPDATE ${NEXT_QUARANTINE_TABLE} AS n SET status = 'skipped', skipped_at = l.skipped_at
       FROM ${QUARANTINE_TABLE} AS l
      WHERE n.projection = ANY($1::text[]) AND l.projection = n.projection AND l.position = n.position AND l.status = 'skipped'`,
    [projections],
  );
  await tx.query(`DELETE FROM ${QUARANTINE_TABLE} WHERE projection = ANY($1::text[])`, [projections]);
  await tx.query(`INSERT INTO ${QUARANTINE_TABLE} SELECT * FROM ${NEXT_QUARANTINE_TABLE} WHERE projection = ANY($1::text[])`, [
    projections,
  ]);
  await tx.query(`DELETE FROM ${NEXT_QUARANTINE_TABLE} WHERE projection = ANY($1::text[])`, [projections]);
}
