import { SqlQueryable } from '@dateline/event-store';

/**
 * Which failures of a projection are the event's own fault (quarantine it, move on) and which
 * are the database's or the process's (retry the batch later, quarantine nothing): ADR 0008.
 *
 * - Errors thrown by projection code itself (not by a query): the event's data cannot be
 *   applied (an upcast that refuses it, "no open entry for diplomatic event …"). The same
 *   code on the same log throws the same way on every try.
 * - Errors a query of the projection raised, by SQLSTATE class: 22 data exception (a date
 *   PostgreSQL refuses, a number out of range, bad JSON text), 23 integrity constraint
 *   violation (a CHECK, a duplicate key), 54 program limit exceeded (an index row too big):
 *   they depend on the rows the event makes, so they recur.
 * - Anything else a query raised is not attributable to one event: no SQLSTATE at all (the
 *   connection was lost, the database closed), 08 connection, 57 operator intervention
 *   (PostgreSQL shutting down or restarting), 53 insufficient resources, 40 serialization,
 *   42 a missing table or a syntax error (it fails every event alike), XX internal. Those stop
 *   the projector, which retries from its checkpoint as before.
 */
const EVENT_SQLSTATE_CLASSES = new Set(['22', '23', '54']);

const raisedByQuery = new WeakSet<object>();

/** `tx`, whose failed queries are remembered as the database's, so that `isEventFault` can tell them from projection code's. */
export function blameDatabase(tx: SqlQueryable): SqlQueryable {
  const blamed = (err: unknown): never => {
    if (typeof err === 'object' && err !== null) raisedByQuery.add(err);
    throw err;
  };
  const copyFrom = tx.copyFrom?.bind(tx);
  return {
    query: <R>(text: string, params?: unknown[]) => tx.query<R>(text, params).catch(blamed),
    // A COPY is a statement too: a row PostgreSQL refuses is judged by its SQLSTATE like any query's.
    ...(copyFrom ? { copyFrom: (statement: string, data: string) => copyFrom(statement, data).catch(blamed) } : {}),
  };
}

/** The SQLSTATE of a database error, if it has one (pg and PGlite both put it in `code`). */
export function sqlStateOf(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** True when `err` is attributable to the event being applied (see above). */
export function isEventFault(err: unknown): boolean {
  if (err instanceof StaleStaging) return true;
  if (typeof err !== 'object' || err === null || !raisedByQuery.has(err)) return true;
  const state = sqlStateOf(err);
  // Node's own error codes (EPIPE, ECONNRESET) sit in `code` too: they also have `syscall` or `errno`.
  if (!state || 'errno' in err || 'syscall' in err) return false;
  return EVENT_SQLSTATE_CLASSES.has(state.slice(0, 2));
}

/** 25P02: a statement after the failing one in the same transaction. Never the cause. */
export function isAfterAbort(err: unknown): boolean {
  return sqlStateOf(err) === '25P02';
}

/**
 * A batch applied fine, but was staged before an earlier batch quarantined an event: it may
 * have applied an event that must now wait behind that one. Applied again, event by event.
 */
export class StaleStaging extends Error {
  constructor() {
    super('an earlier batch quarantined events after this batch was staged');
  }
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
