import { describe, expect, it } from '@jest/globals';
import { isDateInRange, isInstantInRange } from './date-range';
import { expectedVersionProblem, isExpectedVersion } from './expected-version';
import { isRfc3339Instant } from './instant';
import { nullProblems, textProblems } from './nested-values';

describe('what the write side accepts (ADR 0007)', () => {
  it('dates from 1000-01-01 to 9999-12-31', () => {
    expect(['1000-01-01', '2024-02-29', '9999-12-31'].every(isDateInRange)).toBe(true);
    expect(['0000-01-01', '0999-12-31'].some(isDateInRange)).toBe(false);
  });

  it('instants in that range once converted to UTC, whatever offset they are written with', () => {
    expect(isInstantInRange('1000-01-01T00:00:00Z')).toBe(true);
    expect(isInstantInRange('1000-01-01T14:00:00+14:00')).toBe(true);
    expect(isInstantInRange('1000-01-01T05:00:00+14:00')).toBe(false);
    expect(isInstantInRange('9999-12-31T23:59:59.999Z')).toBe(true);
    expect(isInstantInRange('9999-12-31T23:00:00-12:00')).toBe(false);
  });

  it('occurredAt needs its seconds (RFC 3339 date-time)', () => {
    expect(isRfc3339Instant('2025-05-16T12:30:00+03:00')).toBe(true);
    expect(isRfc3339Instant('2025-05-16T12:30:00.123456789Z')).toBe(true);
    expect(isRfc3339Instant('2025-05-16T12:30+03:00')).toBe(false);
  });

  it('versions are safe non-negative integers', () => {
    expect([0, 1, Number.MAX_SAFE_INTEGER].every(isExpectedVersion)).toBe(true);
    expect([2 ** 53, -1, 1.5, NaN, '1', null].some(isExpectedVersion)).toBe(false);
    expect(expectedVersionProblem('expectedVersion', 2 ** 53)).toBe(
      'expectedVersion must be a whole number from 0 to 9007199254740991 (got 9007199254740992)',
    );
  });

  it('nulls and unstorable texts are named by their path', () => {
    expect(nullProblems({ a: null, b: [{ c: null }, 'x'] }, '')).toEqual(['a must not be null', 'b.0.c must not be null']);
    expect(textProblems({ t: 'ok 🇺🇦', q: ['x\u0000', 'y\uD800'] }, 'changes')).toEqual([
      'changes.q.0 contains a NUL character (U+0000), which cannot be stored',
      'changes.q.1 contains a lone UTF-16 surrogate (not valid Unicode), which cannot be stored',
    ]);
  });
});
