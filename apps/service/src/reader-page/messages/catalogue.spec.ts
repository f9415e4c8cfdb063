import { describe, expect, it } from '@jest/globals';
import { addDays, formatCalendarDate, formatDayHeading, formatInstantUtc } from '@dateline/domain';
import { SafeHtml } from '../html';
import { CATALOGUE, DEFAULT_LANGUAGE, messagesFor, PAGE_LANGUAGES } from './catalogue';
import { intlDateFormats } from './date-formats';
import type { Messages } from './messages';

/** Every leaf of a catalogue: a string, markup, or a function's answer to sample values. */
function leaves(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...a: unknown[]) => unknown)('2025-05-16', 2, 3))]];
  if (value instanceof SafeHtml) return [[path, value.value]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe('the reader pages’ message catalogue', () => {
  it('offers English, the default, under its own tag', () => {
    expect(DEFAULT_LANGUAGE).toBe('en');
    expect(PAGE_LANGUAGES).toEqual(['en']);
    for (const lang of PAGE_LANGUAGES) expect(CATALOGUE[lang].lang).toBe(lang);
    expect(messagesFor()).toBe(CATALOGUE.en);
  });

  it.each(PAGE_LANGUAGES)('%s says something for every message', (lang) => {
    const { dates: _dates, ...words } = messagesFor(lang);
    for (const [path, text] of leaves(words, '')) expect([path, text.trim().length > 0]).toEqual([path, true]);
  });

  it('dates English by Intl exactly as the domain has always worded them', () => {
    const m: Messages = messagesFor('en');
    // Every day of a leap year and a few far ones: weekdays, month names, single-digit days.
    const days = [...Array.from({ length: 366 }, (_, i) => addDays('2024-01-01', i)), '1000-01-01', '9999-12-31'];
    for (const day of days) {
      expect(m.dates.calendarDate(day)).toBe(formatCalendarDate(day));
      expect(m.dates.dayHeading(day)).toBe(formatDayHeading(day));
    }
    for (const instant of ['2025-05-16T09:12:05.000Z', '2025-05-16T23:59:59+03:00', '2024-12-31T00:00:00Z']) {
      expect(m.dates.instantUtc(instant)).toBe(formatInstantUtc(instant));
      expect(m.dates.instantUtc(instant, true)).toBe(formatInstantUtc(instant, true));
    }
    expect(m.dates.timeUtc('2025-05-16T14:50:30Z')).toBe('14:50 UTC');
  });

  it('dates another language by its locale through the same composition', () => {
    const uk = intlDateFormats('uk', {
      dayHeading: (weekday, date) => `${weekday}, ${date}`,
      instantUtc: (date, time) => `${date}, ${time} UTC`,
      timeUtc: (time) => `${time} UTC`,
    });
    expect(uk.calendarDate('2025-05-16')).toBe('16 травня 2025 р.');
    expect(uk.dayHeading('2025-05-16')).toBe('пʼятниця, 16 травня 2025 р.');
    expect(uk.instantUtc('2025-05-16T09:12:00Z')).toBe('16 травня 2025 р., 09:12 UTC');
  });
});
