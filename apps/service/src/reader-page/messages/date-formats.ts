/**
 * How a reader page says dates, built on `Intl.DateTimeFormat` for one locale. Every date is a
 * calendar date or an instant shown in UTC, so the formatters run in UTC: a calendar date is
 * its midnight UTC, and no server zone leaks into a page.
 */
export interface DateFormats {
  /** "16 May 2025". */
  readonly calendarDate: (date: string) => string;
  /** "Friday 16 May 2025". */
  readonly dayHeading: (date: string) => string;
  /** "16 May 2025, 09:12 UTC" (with seconds: "09:12:05"). */
  readonly instantUtc: (instant: string, withSeconds?: boolean) => string;
  /** "09:12 UTC". */
  readonly timeUtc: (instant: string) => string;
}

/**
 * How a language joins the parts Intl gives it: locales differ in where the weekday goes and
 * what follows a date (Ukrainian adds "р."), which Intl knows; what it does not decide for us is
 * how a heading, a date and a clock time sit together on our pages.
 */
export interface DateComposition {
  readonly dayHeading: (weekday: string, date: string) => string;
  readonly instantUtc: (date: string, time: string) => string;
  readonly timeUtc: (time: string) => string;
}

export function intlDateFormats(locale: string, compose: DateComposition): DateFormats {
  const utc = { timeZone: 'UTC' } as const;
  const date = new Intl.DateTimeFormat(locale, { ...utc, day: 'numeric', month: 'long', year: 'numeric' });
  const weekday = new Intl.DateTimeFormat(locale, { ...utc, weekday: 'long' });
  const clock = new Intl.DateTimeFormat(locale, { ...utc, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const clockSeconds = new Intl.DateTimeFormat(locale, { ...utc, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return {
    calendarDate: (d) => date.format(day(d)),
    dayHeading: (d) => compose.dayHeading(weekday.format(day(d)), date.format(day(d))),
    instantUtc: (instant, withSeconds = false) => {
      const at = new Date(instant);
      return compose.instantUtc(date.format(at), (withSeconds ? clockSeconds : clock).format(at));
    },
    timeUtc: (instant) => compose.timeUtc(clock.format(new Date(instant))),
  };
}
