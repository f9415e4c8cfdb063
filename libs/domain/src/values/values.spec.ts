import { describe, expect, it } from '@jest/globals';
import { addDays, datesBetween, isCalendarDate } from './calendar-date';
import { isInstant } from './instant';
import { dateInZone, isTimeZone } from './time-zone';
import { lookupCameo } from '../cameo/cameo';
import { CAMEO_CODEBOOK } from '../cameo/cameo-codebook';

describe('value objects', () => {
  it('calendar dates are real dates only', () => {
    expect(['2024-02-29', '2025-05-16', '2000-02-29', '2025-12-31'].every(isCalendarDate)).toBe(true);
    expect(
      ['2025-02-29', '2025-02-30', '1900-02-29', '2025-13-01', '2025-00-10', '2025-05-16T00:00', '25-05-16', 20250516].some(isCalendarDate),
    ).toBe(false);
  });

  it('date arithmetic crosses months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(datesBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('instants need an offset', () => {
    expect(isInstant('2025-05-16T12:30:00+03:00')).toBe(true);
    expect(isInstant('2025-05-16T12:30:00.123Z')).toBe(true);
    expect(isInstant('2025-05-16T12:30:00')).toBe(false);
    expect(isInstant('2025-02-30T12:30:00Z')).toBe(false);
  });

  it('time zones are IANA names, and dates fall in them', () => {
    expect(isTimeZone('Europe/Istanbul')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('+03:00')).toBe(false);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
    expect(dateInZone(new Date('2025-05-15T21:30:00Z'), 'Europe/Istanbul')).toBe('2025-05-16');
    expect(dateInZone(new Date('2025-05-16T02:00:00Z'), 'America/New_York')).toBe('2025-05-15');
  });

  it('the CAMEO table follows the 1.1b3 manual and carries PLOVER categories', () => {
    expect(lookupCameo('046')).toMatchObject({ name: 'Engage in negotiation', plover: 'CONSULT' });
    expect(lookupCameo('106')).toMatchObject({ name: 'Demand meeting, negotiation', plover: 'REQUEST' });
    expect(lookupCameo('1056')?.name).toBe('Demand de-escalation of military engagement');
    const codes = CAMEO_CODEBOOK.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes.filter((x) => x.length > 2)) expect(codes).toContain(c.slice(0, c.length - 1));
  });
});
