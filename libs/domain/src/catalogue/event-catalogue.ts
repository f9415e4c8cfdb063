import { DiplomaticEventEvent } from '../diplomatic-event/diplomatic-event.events';
import { StoryEvent } from '../story/story.events';
import { EVENT_DATA_SCHEMAS } from './event-schemas';
import { StreamCategory } from './streams';

/** Every event Dateline records. The single source for types, versions and schemas. */
export type DatelineEvent = StoryEvent | DiplomaticEventEvent;
export type DatelineEventType = DatelineEvent['type'];

export interface CatalogueEntry {
  readonly type: DatelineEventType;
  /** Version of the `data` shape. Bump it, and add an upcaster, when the shape changes. */
  readonly version: number;
  readonly category: StreamCategory;
  readonly description: string;
  readonly schema: Record<string, unknown>;
}

const entry = (type: DatelineEventType, category: StreamCategory, description: string): CatalogueEntry => ({
  type,
  version: 1,
  category,
  description,
  schema: EVENT_DATA_SCHEMAS[type],
});

export const EVENT_CATALOGUE: readonly CatalogueEntry[] = [
  entry('StoryCreated', 'story', 'A story was published: revision 1.'),
  entry('StoryRevised', 'story', 'A story got a new revision, an update or a correction; data holds only what changed.'),
  entry('DiplomaticEventRecorded', 'diplomatic-event', 'A dated diplomatic fact was recorded.'),
  entry('DiplomaticEventAmended', 'diplomatic-event', 'A recorded fact was amended; data holds only what changed (null removes a field).'),
  entry(
    'DiplomaticEventRetracted',
    'diplomatic-event',
    'A recorded fact was retracted: it leaves the current timeline and stays in history.',
  ),
];

const byType = new Map(EVENT_CATALOGUE.map((e) => [e.type, e]));

export function catalogueEntry(type: string): CatalogueEntry | undefined {
  return byType.get(type as DatelineEventType);
}

/**
 * Brings a stored event's data to the current version of its type. Every type is at v1, so
 * this is the identity today; it is where an upcaster goes when a shape changes.
 */
export function upcast(type: string, schemaVersion: number, data: unknown): DatelineEvent {
  const known = catalogueEntry(type);
  if (!known) throw new Error(`unknown event type ${type}`);
  if (schemaVersion > known.version) throw new Error(`${type} v${schemaVersion} is newer than this code (v${known.version})`);
  return { type, data } as DatelineEvent;
}
