import { describe, expect, it } from '@jest/globals';
import { formatDateSpan, formatDayHeading, formatInstantUtc } from './date-display';

describe('dates in words', () => {
  it('spans across months and years, day headings and instants', () => {
    expect(formatDateSpan('2024-12-28', '2025-01-03')).toBe('28 December 2024 – 3 January 2025');
    expect(formatDateSpan('2025-04-28', '2025-05-03')).toBe('28 April – 3 May 2025');
    expect(formatDayHeading('2025-05-16')).toBe('Friday 16 May 2025');
    expect(formatInstantUtc('2026-11-27T21:14:05.123+02:00', true)).toBe('27 November 2026, 19:14:05 UTC');
  });
});
