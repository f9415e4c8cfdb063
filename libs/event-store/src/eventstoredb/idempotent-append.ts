import { IdempotencyKeyReused, WrongExpectedVersion } from '../errors';
import { AppendResult, ExpectedVersion } from '../event-store.port';
import { IdempotencyKeys, KeyRecord, Landed } from './idempotency-keys';

/** What the protocol needs from ESDB, as the adapter provides it. */
export interface EsdbAppendTarget {
  /**
   * Appends this call's events, under the key's deterministic ids, to `stream` at exactly
   * `baseVersion` (ESDB's expected revision). Throws WrongExpectedVersion on a conflict;
   * events already there with the same ids are answered with success (ESDB's idempotent
   * write), never with a conflict.
   */
  appendAt(stream: string, baseVersion: number): Promise<Landed>;
  /** The stream's current version (0 when it does not exist). */
  currentVersion(stream: string): Promise<number>;
  /** The outcome, if the key's events are in `stream` right after `baseVersion`. */
  findLanded(stream: string, baseVersion: number, eventCount: number): Promise<Landed | undefined>;
}

export interface IdempotentAppend {
  readonly stream: string;
  readonly eventCount: number;
  readonly expected: ExpectedVersion;
  readonly key: string;
  readonly fingerprint: string;
}

/** Enough for concurrent retries of one key and a few lost races of an `any` append. */
const ATTEMPTS = 10;

/**
 * An append that happens at most once per idempotency key, across retries, concurrent
 * callers and crashes, with ESDB for the events and `IdempotencyKeys` for the key's record.
 *
 * 1. Claim the key (first writer's fingerprint wins; another fingerprint is refused).
 * 2. Record an intent, `(stream, baseVersion)`, before touching ESDB.
 * 3. Append at exactly `baseVersion` under ids derived from the key. Whoever appends for
 *    the key appends at the recorded intent, so a retry after a lost answer, a crash, or a
 *    concurrent duplicate lands on the same place with the same ids, and ESDB answers it as
 *    an idempotent write instead of appending twice.
 * 4. Record the outcome; the caller that records it answers `replayed: false`, all others
 *    `replayed: true` with the recorded outcome.
 *
 * A conflict at the intent means the key's events are not there and can never land there
 * (ESDB answers an append whose events are already in place with success): the intent is
 * dropped. If it was this call's own intent and the caller's expectation was exact, the key is
 * freed and the conflict is the answer; otherwise the call starts over with its own intent.
 */
export async function appendOnce(keys: IdempotencyKeys, esdb: EsdbAppendTarget, req: IdempotentAppend): Promise<AppendResult> {
  let conflict: WrongExpectedVersion | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await keys.claim(req.key, req.fingerprint, req.stream);
    let row = await keys.get(req.key);
    if (!row) continue; // freed by a failed append in between: claim again
    if (row.fingerprint !== req.fingerprint) throw new IdempotencyKeyReused(req.key);
    if (row.version !== null) return replay(row);

    let own = false;
    if (row.baseVersion === null) {
      let base: number;
      try {
        base = await baseVersionFor(esdb, req.stream, req.expected);
      } catch (err) {
        await keys.forget(req.key, null);
        throw err;
      }
      if (!(await keys.recordIntent(req.key, req.stream, base, req.eventCount))) continue;
      row = { ...row, streamId: req.stream, baseVersion: base, eventCount: req.eventCount };
      own = true;
    }
    const base = row.baseVersion!;

    let landed: Landed;
    try {
      landed = await esdb.appendAt(row.streamId, base);
    } catch (err) {
      // Anything but a conflict leaves the outcome unknown: the intent stays for the retry.
      if (!(err instanceof WrongExpectedVersion)) throw err;
      conflict = new WrongExpectedVersion(req.stream, req.expected, err.currentVersion);
      if (own && !mayRetry(req.expected, err.currentVersion)) {
        await keys.forget(req.key, base);
        throw conflict;
      }
      await keys.releaseIntent(req.key, base);
      continue;
    }

    if (await keys.complete(req.key, landed)) return { streamId: row.streamId, ...landed, replayed: false };
    const settled = await keys.get(req.key);
    if (settled?.version != null) return replay(settled);
  }
  throw conflict ?? new Error(`idempotency key ${JSON.stringify(req.key)}: no outcome after ${ATTEMPTS} attempts`);
}

/**
 * The first outcome of the key, or undefined while it has none. A key whose append landed
 * but whose outcome was never recorded (the process died in between) is settled here from
 * ESDB, so that a retry answers the first result instead of deciding again.
 */
export async function findOutcome(
  keys: IdempotencyKeys,
  esdb: EsdbAppendTarget,
  key: string,
  fingerprint: string,
): Promise<AppendResult | undefined> {
  const row = await keys.get(key);
  if (!row) return undefined;
  if (row.version === null) {
    if (row.baseVersion === null || row.eventCount === null) return undefined;
    const landed = await esdb.findLanded(row.streamId, row.baseVersion, row.eventCount);
    if (!landed) return undefined;
    await keys.complete(key, landed);
    const settled = await keys.get(key);
    if (!settled || settled.version === null) return undefined;
    return findOutcomeOf(settled, fingerprint);
  }
  return findOutcomeOf(row, fingerprint);
}

function findOutcomeOf(row: KeyRecord, fingerprint: string): AppendResult {
  if (row.fingerprint !== fingerprint) throw new IdempotencyKeyReused(row.key);
  return replay(row);
}

/** Where the caller's events go: exact versions as given, `any` and `stream_exists` at the stream's end. */
async function baseVersionFor(esdb: EsdbAppendTarget, stream: string, expected: ExpectedVersion): Promise<number> {
  if (typeof expected === 'number') return expected;
  if (expected === 'no_stream') return 0;
  const current = await esdb.currentVersion(stream);
  if (expected === 'stream_exists' && current === 0) throw new WrongExpectedVersion(stream, expected, 0);
  return current;
}

/** `any` (and `stream_exists` on a stream that exists) lost a race, not an argument: try again. */
function mayRetry(expected: ExpectedVersion, currentVersion: number): boolean {
  return expected === 'any' || (expected === 'stream_exists' && currentVersion > 0);
}

function replay(row: KeyRecord): AppendResult {
  return { streamId: row.streamId, version: row.version!, firstPosition: row.firstPosition!, position: row.lastPosition!, replayed: true };
}
