import { describe, expect, it } from '@jest/globals';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { currentVersionOf, firstRevisionAfter, revisionAfterVersion, toExpectedRevision, versionOfRevision } from './expected-revision';

describe('port versions (1-based) and ESDB revisions (0-based)', () => {
  it('maps the symbolic expectations', () => {
    expect(toExpectedRevision('any')).toBe(ANY);
    expect(toExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
  });

  it('expects a stream at version n to end at revision n - 1', () => {
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(2)).toBe(1n);
    expect(toExpectedRevision(1_000_000)).toBe(999_999n);
  });

  it('expects a stream at version 0 not to exist', () => {
    expect(toExpectedRevision(0)).toBe(NO_STREAM);
    expect(revisionAfterVersion(0)).toBe(NO_STREAM);
  });

  it('refuses versions that are not non-negative integers', () => {
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => toExpectedRevision(bad)).toThrow(RangeError);
  });

  it('numbers events: revision 0 is version 1', () => {
    expect(versionOfRevision(0n)).toBe(1);
    expect(versionOfRevision(41n)).toBe(42);
  });

  it('reads the events after version n from revision n', () => {
    // after version 2 = versions 3.. = revisions 2..
    expect(firstRevisionAfter(2)).toBe(2n);
    expect(firstRevisionAfter(0)).toBe(0n);
  });

  it('reads the current version out of a conflict', () => {
    expect(currentVersionOf(NO_STREAM)).toBe(0);
    expect(currentVersionOf(0n)).toBe(1);
    expect(currentVersionOf(4n)).toBe(5);
  });
});
