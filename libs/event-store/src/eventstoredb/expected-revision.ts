import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import type { AppendExpectedRevision, CurrentRevision } from '@eventstore/db-client';
import { ExpectedVersion } from '../event-store.port';

/**
 * Port versions count events from 1 (version 1 = the stream's first event; 0 = no events).
 * ESDB revisions number them from 0 (revision 0 = the first event) as bigints, and say
 * NO_STREAM where we say 0. Every conversion between the two lives here.
 */

/** The port's expected version as ESDB's expected revision. */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return revisionAfterVersion(expected);
  }
}

/** "The stream is exactly at `version`": NO_STREAM for 0, else the revision of its last event. */
export function revisionAfterVersion(version: number): AppendExpectedRevision {
  if (!Number.isSafeInteger(version) || version < 0) throw new RangeError(`not a stream version: ${version}`);
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

/** The port's version of the event at `revision`. */
export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

/** Where to start reading a stream for the events after `afterVersion`. */
export function firstRevisionAfter(afterVersion: number): bigint {
  if (!Number.isSafeInteger(afterVersion) || afterVersion < 0) throw new RangeError(`not a stream version: ${afterVersion}`);
  return BigInt(afterVersion);
}

/** The stream's current version from what a WrongExpectedVersionError says. */
export function currentVersionOf(current: CurrentRevision): number {
  return current === NO_STREAM ? 0 : versionOfRevision(current);
}
