import type { TSchema } from 'typebox';
import type { DatelineEventType } from './dateline-event';
import { EVENT_DATA_SCHEMAS } from './event-schemas';
import { currentVersion } from './event-upcasters';
import { StreamCategory } from './streams';

export interface CatalogueEntry<T extends DatelineEventType = DatelineEventType> {
  readonly type: T;
  /** Version of the `data` shape: the current one of the type's upcasters (event-upcasters.ts). */
  readonly version: number;
  readonly category: StreamCategory;
  readonly description: string;
  /** The JSON Schema of `data` (event-schemas.ts). */
  readonly schema: TSchema;
}

const entry = <T extends DatelineEventType>(type: T, category: StreamCategory, description: string): CatalogueEntry<T> => ({
  type,
  version: currentVersion(type),
  category,
  description,
  schema: EVENT_DATA_SCHEMAS[type],
});

/**
 * Every event Dateline records, keyed by type: the single source for versions, categories,
 * descriptions and schemas. A type missing here does not compile (here, not where it is read).
 */
export const EVENT_CATALOGUE: { readonly [T in DatelineEventType]: CatalogueEntry<T> } = {
  StoryCreated: entry('StoryCreated', 'story', 'A story was published: revision 1.'),
  StoryRevised: entry('StoryRevised', 'story', 'A story got a new revision, an update or a correction; data holds only what changed.'),
  DiplomaticEventRecorded: entry('DiplomaticEventRecorded', 'diplomatic-event', 'A dated diplomatic fact was recorded.'),
  DiplomaticEventAmended: entry(
    'DiplomaticEventAmended',
    'diplomatic-event',
    'A recorded fact was amended; data holds only what changed (null removes a field).',
  ),
  DiplomaticEventRetracted: entry(
    'DiplomaticEventRetracted',
    'diplomatic-event',
    'A recorded fact was retracted: it leaves the current timeline and stays in history.',
  ),
  FactCandidateAccepted: entry(
    'FactCandidateAccepted',
    'fact-review',
    "An editor accepted a fact candidate of a story's revision, perhaps edited; the fact was recorded as factId, with its provenance.",
  ),
  FactCandidateDismissed: entry('FactCandidateDismissed', 'fact-review', 'An editor dismissed a fact candidate, saying why.'),
};

/** The catalogue's entries, each type once, in the catalogue's order. */
export const CATALOGUE_ENTRIES: readonly CatalogueEntry[] = Object.values(EVENT_CATALOGUE);

/** True for a type this code knows; the store holds types as plain strings. */
export function isDatelineEventType(type: string): type is DatelineEventType {
  return Object.hasOwn(EVENT_CATALOGUE, type);
}

/** A type's entry: always there for a `DatelineEventType`, `undefined` for a string that names none. */
export function catalogueEntry(type: DatelineEventType): CatalogueEntry;
export function catalogueEntry(type: string): CatalogueEntry | undefined;
export function catalogueEntry(type: string): CatalogueEntry | undefined {
  return isDatelineEventType(type) ? EVENT_CATALOGUE[type] : undefined;
}

/** The types of one stream category, in the catalogue's order. */
export function eventTypesOf(category: StreamCategory): DatelineEventType[] {
  return CATALOGUE_ENTRIES.filter((e) => e.category === category).map((e) => e.type);
}
