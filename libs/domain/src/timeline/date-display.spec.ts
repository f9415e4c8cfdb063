import { describe, expect, it } from '@jest/globals';
import { describeWhen, formatDateSpan, formatDayHeading, formatInstantUtc } from './date-display';

describe('describing when something happened', () => {
  it('a stated day is just the day', () => {
    expect(describeWhen({ occurredOn: '2025-05-16', datePrecision: 'day', dateCertainty: 'explicit' })).toEqual({
      text: '16 May 2025',
      date: '16 May 2025',
      approximate: false,
      inferred: false,
    });
  });

  it('an inferred day says so, and is only "circa"', () => {
    expect(describeWhen({ occurredOn: '2025-05-12', datePrecision: 'day', dateCertainty: 'inferred' }).text).toBe(
      'c. 12 May 2025 (inferred)',
    );
  });

  it('a span is approximate, and says when it is also inferred', () => {
    const span = describeWhen({ occurredOn: '2025-05-01', occurredUntil: '2025-05-16', datePrecision: 'span', dateCertainty: 'inferred' });
    expect(span).toMatchObject({
      text: 'between 1 and 16 May 2025 (approximate, inferred)',
      date: '1–16 May 2025',
      approximate: true,
      inferred: true,
    });
    expect(
      describeWhen({ occurredOn: '2025-04-28', occurredUntil: '2025-05-03', datePrecision: 'span', dateCertainty: 'explicit' }).text,
    ).toBe('between 28 April and 3 May 2025 (approximate)');
  });

  it('a known time is the wall clock where it happened, with the zone named', () => {
    const inZone = describeWhen({
      occurredOn: '2025-05-16',
      occurredAt: '2025-05-16T07:30:00Z',
      timezone: 'Europe/Istanbul',
      datePrecision: 'day',
      dateCertainty: 'explicit',
    });
    expect(inZone).toMatchObject({ text: '16 May 2025, 10:30 (Europe/Istanbul)', time: '10:30' });
    const ownOffset = describeWhen({
      occurredOn: '2025-05-16',
      occurredAt: '2025-05-16T10:30:00.250+03:00',
      datePrecision: 'day',
      dateCertainty: 'explicit',
    });
    expect(ownOffset.text).toBe('16 May 2025, 10:30 (UTC+03:00)');
  });

  it('spans across months and years, day headings and instants', () => {
    expect(formatDateSpan('2024-12-28', '2025-01-03')).toBe('28 December 2024 – 3 January 2025');
    expect(formatDateSpan('2025-04-28', '2025-05-03')).toBe('28 April – 3 May 2025');
    expect(formatDayHeading('2025-05-16')).toBe('Friday 16 May 2025');
    expect(formatInstantUtc('2026-11-27T21:14:05.123+02:00', true)).toBe('27 November 2026, 19:14:05 UTC');
  });
});
