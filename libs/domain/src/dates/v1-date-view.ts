import { AttributedSource } from './attribution';
import { FactDate, lastDayOfMonth } from './fact-date';
import { DateFieldsV1, SourceV1 } from './v1-date-mapping';

/** The v1 date fields of one fact, without its sources. */
export type DatesV1 = Omit<DateFieldsV1, 'sources'>;

/**
 * A v2 date in the v1 fields, the inverse of factDateFromV1 for every date that came from v1
 * (a day, or bounds on both sides), so that a v1 amendment's date changes can be applied to
 * the date as it stood (applyChanges). For the dates v1 could not say it is the nearest v1
 * reading: a month, a year or a period as the span of its days; one open bound as the day of
 * the bound, inferred (the day docs/dates.md places it on).
 */
export function v1DatesOf(d: FactDate): DatesV1 {
  const common = {
    ...(d.wording !== undefined ? { dateText: d.wording } : {}),
    ...(d.timezone !== undefined ? { timezone: d.timezone } : {}),
  };
  const span = (from: string, until: string): DatesV1 => ({
    occurredOn: from,
    occurredUntil: until,
    datePrecision: 'span',
    dateCertainty: d.certainty,
    ...common,
  });
  switch (d.precision) {
    case 'day':
      return {
        occurredOn: d.on,
        ...(d.at !== undefined ? { occurredAt: d.at } : {}),
        datePrecision: 'day',
        dateCertainty: d.certainty,
        ...common,
      };
    case 'month':
      return span(`${d.on}-01`, lastDayOfMonth(d.on));
    case 'year':
      return span(`${d.on}-01-01`, `${d.on}-12-31`);
    case 'period':
      return span(d.from, d.until);
    case 'bounded':
      if (d.onOrAfter !== undefined && d.onOrBefore !== undefined) return span(d.onOrAfter, d.onOrBefore);
      return { occurredOn: (d.onOrBefore ?? d.onOrAfter)!, datePrecision: 'day', dateCertainty: 'inferred', ...common };
  }
}

/** An attributed source as a v1 source: hedged unless the newsroom or a named source stands behind it. */
export function v1SourceOf(s: AttributedSource): SourceV1 {
  return {
    name: s.name ?? s.wording ?? s.attribution,
    ...(s.url !== undefined ? { url: s.url } : {}),
    hedged: s.attribution !== 'own-reporting' && s.attribution !== 'named-source',
    ...(s.note !== undefined ? { note: s.note } : {}),
  };
}
