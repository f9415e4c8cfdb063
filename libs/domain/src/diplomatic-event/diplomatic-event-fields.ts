import Type, { type Static } from 'typebox';
import {
  calendarDate,
  closedObject,
  countryCode,
  instant,
  nonEmptyText,
  oneOf,
  readonlyArray,
  text,
  uuid,
} from '../catalogue/schema-parts';
import { isUuid } from '../catalogue/streams';
import { isCalendarDate } from '../values/calendar-date';
import { DATE_CERTAINTIES, DATE_PRECISIONS } from '../values/date-knowledge';
import { DATE_RANGE_TEXT, isDateInRange, isInstantInRange } from '../values/date-range';
import { EVENT_KINDS, isEventKind } from '../values/event-kind';
import { isRfc3339Instant, localDateOf } from '../values/instant';
import { nullProblems, textProblems } from '../values/nested-values';
import { Problems } from '../values/problems';
import { dateInZone, isTimeZone } from '../values/time-zone';
import { isCameoCode } from '../cameo/cameo';
import { InvalidInput } from '../errors/domain-errors';

/** Where it happened. */
export const PlaceSchema = closedObject({ name: text(), /** ISO 3166-1 alpha-2. */ country: Type.Optional(countryCode()) });

/** Who took part. */
export const ParticipantSchema = closedObject({
  name: text(),
  role: Type.Optional(text()),
  /** ISO 3166-1 alpha-2. */
  country: Type.Optional(countryCode()),
});

/** Who reported it. */
export const SourceSchema = closedObject({
  name: text(),
  url: Type.Optional(text()),
  /** The report hedges this fact ("reportedly", "citing a source"). */
  hedged: Type.Boolean(),
  note: Type.Optional(text()),
});

export const QuoteSchema = closedObject({
  text: text(),
  speaker: text(),
  /** The text does not plainly attribute the quote; we inferred the speaker. */
  speakerInferred: Type.Boolean(),
  context: Type.Optional(text()),
});

/**
 * Everything an editor says about a dated diplomatic fact: the data of `DiplomaticEventRecorded`
 * (with the event's id), and what an amendment changes. The rules beyond the shape are in
 * `checkDiplomaticEventFields` below.
 */
export const DiplomaticEventFieldsSchema = closedObject({
  title: nonEmptyText(),
  kind: oneOf(EVENT_KINDS),
  /** Local calendar date where it happened; for a span, its first possible day. */
  occurredOn: calendarDate(),
  /** Last possible day of a span, inclusive. Only with `datePrecision: 'span'`. */
  occurredUntil: Type.Optional(calendarDate()),
  occurredAt: Type.Optional(instant()),
  timezone: Type.Optional(text()),
  datePrecision: oneOf(DATE_PRECISIONS),
  dateCertainty: oneOf(DATE_CERTAINTIES),
  /** The report's own words for when ("earlier in the day"). */
  dateText: Type.Optional(text()),
  summary: Type.Optional(text()),
  location: Type.Optional(PlaceSchema),
  participants: readonlyArray(ParticipantSchema),
  sources: readonlyArray(SourceSchema),
  quotes: readonlyArray(QuoteSchema),
  cameoCode: Type.Optional(text({ pattern: '^\\d{2,4}$' })),
  storyIds: readonlyArray(uuid()),
});

export type Place = Static<typeof PlaceSchema>;
export type Participant = Static<typeof ParticipantSchema>;
export type Source = Static<typeof SourceSchema>;
export type Quote = Static<typeof QuoteSchema>;
export type DiplomaticEventFields = Static<typeof DiplomaticEventFieldsSchema>;

/** Some of the fields: what an editor sends to record an event (before defaults). */
export const DiplomaticEventChangesSchema = Type.ReadonlyObject(Type.Partial(DiplomaticEventFieldsSchema), { additionalProperties: false });
export type DiplomaticEventChanges = Static<typeof DiplomaticEventChangesSchema>;

/** Fills the defaults an editor may leave out. */
export function withDefaults(
  input: DiplomaticEventChanges & Pick<DiplomaticEventFields, 'title' | 'kind' | 'occurredOn'>,
): DiplomaticEventFields {
  return {
    datePrecision: 'day',
    dateCertainty: 'explicit',
    participants: [],
    sources: [],
    quotes: [],
    storyIds: [],
    ...input,
  };
}

/**
 * The rules a complete set of fields must keep, checked after defaults and after every
 * amendment is merged, so an amendment cannot make a valid event invalid. What passes is what
 * every store, projection and Kafka message can hold (docs/adr/0007-accepted-date-range.md).
 */
export function checkDiplomaticEventFields(f: DiplomaticEventFields): void {
  // A null anywhere would reach the read models and the Kafka topics as it is: refuse it first,
  // before the checks below take lists for lists and texts for texts.
  const nulls = nullProblems(f, '');
  if (nulls.length > 0) throw new InvalidInput(nulls);
  const p = new Problems();
  p.check(typeof f.title === 'string' && f.title.trim().length > 0, 'title must not be empty');
  p.check(
    isEventKind(f.kind),
    `kind must be one of talks, meeting, proposal, rejection, statement, appointment, accusation, ceasefire, agreement, other`,
  );
  p.check((DATE_PRECISIONS as readonly unknown[]).includes(f.datePrecision), `datePrecision must be one of ${DATE_PRECISIONS.join(', ')}`);
  p.check(
    (DATE_CERTAINTIES as readonly unknown[]).includes(f.dateCertainty),
    `dateCertainty must be one of ${DATE_CERTAINTIES.join(', ')}`,
  );
  const dateOk = isCalendarDate(f.occurredOn);
  p.check(dateOk, `occurredOn must be a real calendar date YYYY-MM-DD (got ${JSON.stringify(f.occurredOn)})`);
  if (dateOk) p.check(isDateInRange(f.occurredOn), `occurredOn must be ${DATE_RANGE_TEXT} (got ${JSON.stringify(f.occurredOn)})`);
  if (f.timezone !== undefined)
    p.check(isTimeZone(f.timezone), `timezone must be an IANA time zone name such as Europe/Istanbul (got ${JSON.stringify(f.timezone)})`);
  checkSpan(f, p, dateOk);
  if (f.occurredAt !== undefined) checkOccurredAt(f, p, dateOk);
  if (f.cameoCode !== undefined)
    p.check(isCameoCode(f.cameoCode), `cameoCode ${JSON.stringify(f.cameoCode)} is not in the CAMEO 1.1b3 codebook`);
  if (f.location?.country !== undefined)
    p.check(isCountryCode(f.location.country), 'location.country must be an ISO 3166-1 alpha-2 code such as TR');
  f.participants.forEach((x, i) => {
    if (x.country !== undefined)
      p.check(isCountryCode(x.country), `participants.${i}.country must be an ISO 3166-1 alpha-2 code such as UA`);
  });
  checkStoryIds(f.storyIds, p);
  for (const problem of textProblems(f, '')) p.add(problem);
  p.throwIfAny();
}

function checkSpan(f: DiplomaticEventFields, p: Problems, dateOk: boolean): void {
  if (f.datePrecision === 'span') {
    if (f.occurredUntil === undefined) return p.add('occurredUntil is required when datePrecision is span');
    if (!isCalendarDate(f.occurredUntil))
      return p.add(`occurredUntil must be a real calendar date YYYY-MM-DD (got ${JSON.stringify(f.occurredUntil)})`);
    if (!isDateInRange(f.occurredUntil)) return p.add(`occurredUntil must be ${DATE_RANGE_TEXT} (got ${JSON.stringify(f.occurredUntil)})`);
    if (dateOk) p.check(f.occurredUntil >= f.occurredOn, 'occurredUntil must not be before occurredOn');
  } else if (f.occurredUntil !== undefined) {
    p.add('occurredUntil is only allowed when datePrecision is span');
  }
}

function checkOccurredAt(f: DiplomaticEventFields, p: Problems, dateOk: boolean): void {
  if (!isRfc3339Instant(f.occurredAt)) {
    return p.add(
      `occurredAt must be an ISO 8601 instant with seconds and an offset, e.g. 2025-05-16T12:30:00+03:00 (got ${JSON.stringify(f.occurredAt)})`,
    );
  }
  if (f.datePrecision === 'span') return p.add('occurredAt is not allowed when datePrecision is span');
  if (!isInstantInRange(f.occurredAt))
    return p.add(`occurredAt must be ${DATE_RANGE_TEXT} in UTC (got ${f.occurredAt}, which is ${new Date(f.occurredAt).toISOString()})`);
  if (!dateOk || !isDateInRange(f.occurredOn)) return;
  // occurredOn is the local date where it happened: in the event's time zone when we know it,
  // else the date the instant was written with (its own offset).
  const local = f.timezone && isTimeZone(f.timezone) ? dateInZone(new Date(f.occurredAt), f.timezone) : localDateOf(f.occurredAt);
  p.check(
    local === f.occurredOn,
    `occurredAt ${f.occurredAt} falls on ${local}${f.timezone ? ` in ${f.timezone}` : ''}, not on occurredOn ${f.occurredOn}`,
  );
}

/**
 * Story ids must be UUIDs, each once. Compared without case: a UUID's hex digits mean the same
 * in either case (RFC 9562), and decide() stores them in lower case, as stream names have them.
 * That each story exists is checked by the write side against the store: the domain has no I/O.
 */
function checkStoryIds(ids: readonly string[], p: Problems): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!isUuid(id)) return p.add(`storyIds.${i} must be a UUID (got ${JSON.stringify(id)})`);
    const key = id.toLowerCase();
    if (seen.has(key)) p.add(`storyIds lists ${key} more than once`);
    seen.add(key);
  });
}

function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value);
}
