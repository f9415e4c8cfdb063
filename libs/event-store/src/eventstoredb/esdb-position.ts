import { START } from '@eventstore/db-client';
import type { Position as EsdbPosition } from '@eventstore/db-client';
import { Position } from '../event-store.port';

/**
 * The port's `Position` for an event in EventStoreDB's `$all`.
 *
 * ESDB places an event by two byte offsets into its transaction file: `commit` (the record
 * that committed it) and `prepare` (the event's own record), and orders `$all` by
 * (commit, prepare). Every event written through the gRPC API (which has no explicit
 * transactions) is its own commit: `commit === prepare`, and each event of one append has a
 * position of its own. So the port's number is the commit position, and the way back is
 * `{ commit: p, prepare: p }`.
 *
 * - Monotonic: commit positions grow with the log, in `$all` order.
 * - Below 2^53: the transaction file would have to pass 8 PiB first; we check anyway.
 * - 0 is "before everything": the file starts with the server's own records, never ours.
 *
 * An event with `commit !== prepare` can only come from an explicit transaction of the legacy
 * TCP API. One number cannot order those correctly, so we refuse rather than
 * guess: Dateline wants a database of its own (docs/adr/0003-eventstoredb-adapter.md).
 */
export class UnrepresentablePosition extends Error {
  constructor(position: EsdbPosition, why: string) {
    super(`EventStoreDB position C:${position.commit}/P:${position.prepare} has no Dateline position: ${why}`);
  }
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The port's position of an event read from `$all` (or from a stream, on servers >= 22.6). */
export function toPortPosition(position: EsdbPosition): Position {
  if (position.commit !== position.prepare) throw new UnrepresentablePosition(position, 'written in an explicit (TCP API) transaction');
  return commitToPortPosition(position.commit);
}

/**
 * The port's position from a commit position alone: what an append answers (the commit
 * position of its last event; its prepare position is not the event's).
 */
export function commitToPortPosition(commit: bigint): Position {
  if (commit <= 0n || commit > MAX) throw new UnrepresentablePosition({ commit, prepare: commit }, 'outside 1 .. 2^53-1');
  return Number(commit);
}

/** Where to start reading `$all` for the events after `after`: START for 0. */
export function toReadPosition(after: Position): typeof START | EsdbPosition {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`not a position: ${after}`);
  if (after === 0) return START;
  const p = BigInt(after);
  return { commit: p, prepare: p };
}

/** `$all` order: by commit position, then prepare position. */
export function comparePositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}
