import { DatelineEvent, EVENT_CATALOGUE, parseStream, upcast } from '@dateline/domain';
import type { RecordedEvent } from '@dateline/event-store';
import { binaryHeaders, CloudEventAttributes } from './cloud-event-headers';
import { OutgoingMessage, POSITION_HEADER, VERSION_HEADER } from './outgoing-message';
import { categoryTopic, Topics } from './topics';

/** `ce_type` of an event: its catalogue type and data version, e.g. `dateline.StoryRevised.v1`. */
export const cloudEventType = (type: string, version: number): string => `dateline.${type}.v${version}`;

/** `ce_source` per stream category: the collection the aggregate belongs to. */
const SOURCES = {
  story: '/dateline/stories',
  'diplomatic-event': '/dateline/diplomatic-events',
  'fact-review': '/dateline/fact-reviews',
} as const;

/** Audit metadata that travels as CloudEvents extensions (names must be lower-case alphanumerics). */
const EXTENSIONS = { editor: 'editor', correlationId: 'correlationid', causationId: 'causationid' } as const;

/**
 * A logged event as a Kafka record in CloudEvents binary mode: `ce_*` headers, `content-type`,
 * the event's data (at its current version) as the value.
 */
export function toEventMessage(event: RecordedEvent, topics: Topics): OutgoingMessage {
  const stream = streamOf(event);
  const current = upcast(event.type, event.schemaVersion, event.data);
  return {
    topic: categoryTopic(topics, stream.category),
    key: stream.id,
    value: JSON.stringify(current.data),
    headers: { ...binaryHeaders(eventAttributes(event, stream, current)), ...datelineHeaders(event) },
    position: event.position,
  };
}

/**
 * A logged event's CloudEvents attributes: its id, catalogue type, collection and audit metadata.
 * `current` is the event upcast (which fails, naming the type, for a type this code does not know).
 */
export function eventAttributes(
  event: RecordedEvent,
  stream = streamOf(event),
  current: DatelineEvent = upcast(event.type, event.schemaVersion, event.data),
): CloudEventAttributes {
  const extensions: Record<string, string> = {};
  for (const [field, name] of Object.entries(EXTENSIONS)) {
    const value = event.metadata[field];
    if (typeof value === 'string' && value !== '') extensions[name] = value;
  }
  return {
    id: event.id,
    // The version the data has after upcasting, the catalogue's current one: what consumers read.
    type: cloudEventType(current.type, EVENT_CATALOGUE[current.type].version),
    source: SOURCES[stream.category],
    subject: stream.id,
    time: recordedAt(event),
    datacontenttype: 'application/json',
    extensions,
  };
}

function streamOf(event: RecordedEvent): NonNullable<ReturnType<typeof parseStream>> {
  const stream = parseStream(event.streamId);
  if (!stream) throw new Error(`event ${event.id}: stream ${event.streamId} has no known category`);
  return stream;
}

export function recordedAt(event: RecordedEvent): string {
  const at = event.metadata.recordedAt;
  if (typeof at !== 'string') throw new Error(`event ${event.id} has no recordedAt`);
  return at;
}

export function datelineHeaders(event: RecordedEvent): Record<string, string> {
  return { [POSITION_HEADER]: String(event.position), [VERSION_HEADER]: String(event.streamVersion) };
}
