import { describe, expect, it } from '@jest/globals';
import { formatDateSpan, formatDayHeading, formatInstantUtc, localTime } from './date-display';

describe('dates in words', () => {
  it('spans across months and years, day headings and instants', () => {
    expect(formatDateSpan('2024-12-28', '2025-01-03')).toBe('28 December 2024 – 3 January 2025');
    expect(formatDateSpan('2025-04-28', '2025-05-03')).toBe('28 April – 3 May 2025');
    expect(formatDayHeading('2025-05-16')).toBe('Friday 16 May 2025');
    expect(formatInstantUtc('2026-11-27T21:14:05.123+02:00', true)).toBe('27 November 2026, 19:14:05 UTC');
  });

  it('the wall clock of an instant in each zone, its own zone each time (clocks are kept per zone)', () => {
    const at = '2025-01-16T20:30:00Z';
    expect(localTime(at, 'Europe/Istanbul')).toBe('23:30');
    expect(localTime(at, 'America/New_York')).toBe('15:30');
    expect(localTime(at, 'Europe/Istanbul')).toBe('23:30');
    expect(localTime('2025-07-16T20:30:00Z', 'America/New_York')).toBe('16:30');
    expect(localTime('2025-05-16T10:30:00+03:00')).toBe('10:30');
    expect(() => localTime(at, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
