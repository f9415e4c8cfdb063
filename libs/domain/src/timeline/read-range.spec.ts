import { describe, expect, it } from '@jest/globals';
import { MAX_RANGE_DAYS, readRangeProblem } from './read-range';

describe('read ranges', () => {
  it('take one day, and up to MAX_RANGE_DAYS days after the first', () => {
    expect(readRangeProblem('2025-05-16', '2025-05-16')).toBeUndefined();
    expect(readRangeProblem('2015-01-01', '2025-01-08')).toBeUndefined(); // 3660 days later
    expect(MAX_RANGE_DAYS).toBe(3660);
  });

  it('refuse a range that ends before it starts, or spans more', () => {
    expect(readRangeProblem('2025-05-16', '2025-05-15')).toBe('from must not be after to');
    expect(readRangeProblem('2015-01-01', '2025-01-09')).toBe('a range may span at most 3660 days');
    expect(readRangeProblem('0001-01-01', '9999-12-31')).toBe('a range may span at most 3660 days');
  });
});
