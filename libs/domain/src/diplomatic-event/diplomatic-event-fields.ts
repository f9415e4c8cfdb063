import Type, { type Static } from 'typebox';
import { closedObject, instant, nonEmptyText, oneOf, readonlyArray, text, uuid } from '../catalogue/schema-parts';
import { isUuid } from '../catalogue/streams';
import { dateKnowledgeV2Problems } from '../dates/date-knowledge-v2';
import { aboutDatesSchema, attributedSourcesSchema, FactDateSchema, relationsSchema } from '../dates/date-knowledge-schemas';
import { DEFAULT_FACT_STATUS, FACT_STATUSES } from '../dates/fact-status';
import { EVENT_KINDS, isEventKind } from '../values/event-kind';
import { nullProblems, textProblems } from '../values/nested-values';
import { Problems } from '../values/problems';
import { languageTagProblem } from '../values/language-tag';
import { isCameoCode } from '../cameo/cameo';
import { InvalidInput } from '../errors/domain-errors';
import { ParticipantSchema, PlaceSchema, QuoteSchema } from './diplomatic-event-parts';

export * from './diplomatic-event-parts';

/**
 * Everything an editor says about a dated diplomatic fact, schema version 2 (issue 16,
 * docs/adr/0013-date-knowledge-v2.md): the data of `DiplomaticEventRecorded` (with the event's
 * id), and what an amendment changes. When it happened, whether it did, its order against other
 * facts, the dates it is about and who it rests on are the v2 date knowledge; the rules beyond
 * the shape are in `checkDiplomaticEventFields` below.
 */
export const DiplomaticEventFieldsSchema = closedObject({
  title: nonEmptyText(),
  kind: oneOf(EVENT_KINDS),
  when: FactDateSchema,
  status: oneOf(FACT_STATUSES),
  relations: relationsSchema(),
  about: aboutDatesSchema(),
  summary: Type.Optional(text()),
  location: Type.Optional(PlaceSchema),
  participants: readonlyArray(ParticipantSchema),
  sources: attributedSourcesSchema(),
  quotes: readonlyArray(QuoteSchema),
  cameoCode: Type.Optional(text({ pattern: '^\\d{2,4}$' })),
  storyIds: readonlyArray(uuid()),
  /** The language the fact is written in, a BCP 47 tag (issue 20): the reader page marks its text with `lang` where it differs. */
  language: Type.Optional(text({ minLength: 1 })),
});

export type DiplomaticEventFields = Static<typeof DiplomaticEventFieldsSchema>;

/** Editorial time: when the newsroom published (or learned) what the event says (docs/dates.md). */
export const publishedAtSchema = () => Type.Optional(instant());

/** Some of the fields: what an editor sends to record an event (before defaults). */
export const DiplomaticEventChangesSchema = Type.ReadonlyObject(Type.Partial(DiplomaticEventFieldsSchema), { additionalProperties: false });
export type DiplomaticEventChanges = Static<typeof DiplomaticEventChangesSchema>;

/** Fills the defaults an editor may leave out. */
export function withDefaults(
  input: DiplomaticEventChanges & Pick<DiplomaticEventFields, 'title' | 'kind' | 'when'>,
): DiplomaticEventFields {
  return {
    status: DEFAULT_FACT_STATUS,
    relations: [],
    about: [],
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
 * The rules between facts (relations to facts that exist, cycles) need the story's other facts:
 * the write side checks them with checkStoryRelations.
 */
export function checkDiplomaticEventFields(f: DiplomaticEventFields): void {
  // A null anywhere would reach the read models and the Kafka topics as it is: refuse it first,
  // before the checks below take lists for lists and texts for texts.
  const nulls = nullProblems(f, '');
  if (nulls.length > 0) throw new InvalidInput(nulls);
  const p = new Problems();
  p.check(typeof f.title === 'string' && f.title.trim().length > 0, 'title must not be empty');
  p.check(isEventKind(f.kind), `kind must be one of ${EVENT_KINDS.join(', ')}`);
  const { when, status, relations, about, sources } = f;
  for (const problem of dateKnowledgeV2Problems({ when, status, relations, about, sources })) p.add(problem);
  if (f.cameoCode !== undefined)
    p.check(isCameoCode(f.cameoCode), `cameoCode ${JSON.stringify(f.cameoCode)} is not in the CAMEO 1.1b3 codebook`);
  if (f.location?.country !== undefined)
    p.check(isCountryCode(f.location.country), 'location.country must be an ISO 3166-1 alpha-2 code such as TR');
  f.participants.forEach((x, i) => {
    if (x.country !== undefined)
      p.check(isCountryCode(x.country), `participants.${i}.country must be an ISO 3166-1 alpha-2 code such as UA`);
  });
  if (f.language !== undefined) {
    const problem = languageTagProblem('language', f.language);
    if (problem) p.add(problem);
  }
  checkStoryIds(f.storyIds, p);
  const { when: _w, status: _s, relations: _r, about: _a, sources: _src, ...rest } = f;
  for (const problem of textProblems(rest, '')) p.add(problem);
  p.throwIfAny();
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
