import { describe, expect, it } from '@jest/globals';
import { instantAtLocalTime, isLocalTime } from './local-time';

describe('local time to instant', () => {
  it('writes the instant with the offset the zone has on that day', () => {
    expect(instantAtLocalTime('2025-05-16', '12:30', 'Europe/Istanbul')).toBe('2025-05-16T12:30:00+03:00');
    expect(instantAtLocalTime('2025-05-16', '23:30', 'Europe/Kyiv')).toBe('2025-05-16T23:30:00+03:00');
    expect(instantAtLocalTime('2025-01-16', '23:30', 'Europe/Kyiv')).toBe('2025-01-16T23:30:00+02:00');
    expect(instantAtLocalTime('2025-05-16', '00:00', 'UTC')).toBe('2025-05-16T00:00:00+00:00');
    expect(instantAtLocalTime('2025-05-16', '09:15', 'America/New_York')).toBe('2025-05-16T09:15:00-04:00');
    expect(instantAtLocalTime('2025-05-16', '09:15', 'Asia/Kolkata')).toBe('2025-05-16T09:15:00+05:30');
  });

  it('names the same instant as the wall clock: it falls on that day in that zone', () => {
    const at = instantAtLocalTime('2025-03-30', '23:59', 'Pacific/Kiritimati')!;
    expect(at).toBe('2025-03-30T23:59:00+14:00');
    expect(new Date(at).toISOString()).toBe('2025-03-30T09:59:00.000Z');
  });

  it('a time the clocks skip reads as the clock shows it just after the change', () => {
    // Europe/Berlin moved from 02:00 to 03:00 on 30 March 2025.
    expect(instantAtLocalTime('2025-03-30', '02:30', 'Europe/Berlin')).toBe('2025-03-30T03:30:00+02:00');
    expect(instantAtLocalTime('2025-03-30', '01:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00+01:00');
  });

  it('refuses what is not a date, an HH:MM time or a zone', () => {
    expect(instantAtLocalTime('2025-02-30', '12:00', 'UTC')).toBeUndefined();
    expect(instantAtLocalTime('2025-05-16', '24:00', 'UTC')).toBeUndefined();
    expect(instantAtLocalTime('2025-05-16', '12:00', 'Mars/Olympus')).toBeUndefined();
    expect(['09:05', '23:59', '00:00'].every(isLocalTime)).toBe(true);
    expect(['9:05', '12:60', '12:00:00', ''].some(isLocalTime)).toBe(false);
  });
});
