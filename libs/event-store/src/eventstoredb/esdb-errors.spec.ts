import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StoreUnavailable, WrongExpectedVersion } from '../errors';
import { fromEsdbError, isStreamNotFound } from './esdb-errors';

// The client's own error classes, built as the client builds them from a server's answer.
describe("ESDB errors as the port's errors", () => {
  it("a wrong expected version carries the stream's current port version", () => {
    const err = new WrongExpectedVersionError(undefined, { streamName: 'story-1', expected: 0n, current: 1n });
    const mapped = fromEsdbError(err, 'story-1', 1);
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({ stream: 'story-1', expected: 1, currentVersion: 2 });
  });

  it('a conflict on a stream that does not exist says version 0', () => {
    const err = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 'stream_exists', current: 'no_stream' });
    expect(fromEsdbError(err, 's', 'stream_exists')).toMatchObject({ currentVersion: 0 });
  });

  it('unreachable, timed out or leaderless servers are StoreUnavailable (503)', () => {
    for (const err of [new UnavailableError(), new DeadlineExceededError(), new TimeoutError(), new CancelledError()]) {
      expect(fromEsdbError(err)).toBeInstanceOf(StoreUnavailable);
    }
    // NotLeaderError needs a gRPC answer to be built; the mapping looks at its type only.
    expect(fromEsdbError({ type: ErrorType.NOT_LEADER, message: 'not leader' })).toBeInstanceOf(StoreUnavailable);
  });

  it('unconverted gRPC errors with an unavailable status and raw network errors are StoreUnavailable too', () => {
    expect(fromEsdbError(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBeInstanceOf(
      StoreUnavailable,
    );
    expect(fromEsdbError(Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }))).toBeInstanceOf(StoreUnavailable);
    expect(fromEsdbError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeInstanceOf(StoreUnavailable);
    expect(fromEsdbError(new Error('Failed to discover after 10 attempts.'))).toBeInstanceOf(StoreUnavailable);
  });

  it('leaves everything else as it is: a bug must not look like an outage', () => {
    const denied = new AccessDeniedError();
    expect(fromEsdbError(denied)).toBe(denied);
    const bug = new TypeError('x is undefined');
    expect(fromEsdbError(bug)).toBe(bug);
    expect(fromEsdbError(Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 }))).not.toBeInstanceOf(StoreUnavailable);
  });

  it('recognises the end of a read of a stream that does not exist', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'story-1'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
    expect(isStreamNotFound(undefined)).toBe(false);
  });
});
