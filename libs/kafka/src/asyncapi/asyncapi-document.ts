import { stringify } from 'yaml';
import { CATALOGUE_ENTRIES, CatalogueEntry, eventTypesOf, StreamCategory } from '@dateline/domain';
import { cloudEventType } from '../cloud-event-message';
import { kafkaConfigFromEnv } from '../kafka-config';
import { POSITION_HEADER, VERSION_HEADER } from '../outgoing-message';
import { TIMELINE_ENTRY_REMOVED_TYPE, TIMELINE_ENTRY_TYPE } from '../timeline-entry-message';
import { Topics, topicNames, topicSpecs } from '../topics';
import { timelineEntryKeySchema, timelineEntrySchema } from './timeline-entry-schema';

/**
 * The AsyncAPI 3.0.0 document of what the relay publishes (docs/architecture.md section 5), generated from the
 * event catalogue: one message per catalogue entry, its `data` schema as the payload, plus the
 * messages of the compacted timeline-entries topic. `docs/asyncapi.yaml` is its YAML
 * (`npm run asyncapi`); a unit test fails when that file is stale, and `createRecordValidator`
 * (record-validator.ts) checks consumed records against it.
 */

type Schema = Record<string, unknown>;
type Ref = { readonly $ref: string };

export interface AsyncApiMessage {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly description?: string;
  readonly contentType?: string;
  readonly headers: Schema;
  readonly payload: Schema | Ref;
  readonly correlationId?: { readonly description: string; readonly location: string };
  readonly bindings: { readonly kafka: { readonly key: Schema | Ref; readonly bindingVersion: string } };
}

export interface AsyncApiChannel {
  readonly address: string;
  readonly title: string;
  readonly description: string;
  readonly messages: Record<string, Ref>;
  readonly bindings: { readonly kafka: Schema };
}

export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly info: {
    readonly title: string;
    readonly version: string;
    readonly description: string;
    readonly license: { readonly name: string };
  };
  readonly defaultContentType: string;
  readonly servers: Record<string, Schema>;
  readonly channels: Record<keyof Topics, AsyncApiChannel>;
  readonly operations: Record<string, Schema>;
  readonly components: { readonly schemas: Record<string, Schema>; readonly messages: Record<string, AsyncApiMessage> };
}

export const ASYNCAPI_YAML_PATH = 'docs/asyncapi.yaml';
export const ASYNCAPI_COMMAND = 'npm run asyncapi';

const KAFKA_BINDING_VERSION = '0.5.0';
const JSON_CONTENT_TYPE = 'application/json';

/** `ce_source` per channel, as cloud-event-message.ts and timeline-entry-message.ts set it. */
const SOURCES: Record<keyof Topics, string> = {
  stories: '/dateline/stories',
  diplomaticEvents: '/dateline/diplomatic-events',
  factReviews: '/dateline/fact-reviews',
  timelineEntries: '/dateline/timeline-entries',
};

const CHANNEL_OF_CATEGORY: Record<StreamCategory, keyof Topics> = {
  story: 'stories',
  'diplomatic-event': 'diplomaticEvents',
  'fact-review': 'factReviews',
};

const ref = (path: string): Ref => ({ $ref: `#/${path}` });
const schemaRef = (name: string): Ref => ref(`components/schemas/${name}`);

/** `StoryCreated` → `Story created`. */
const title = (type: string): string => type.replace(/(?<=[a-z])([A-Z])/g, (c) => ` ${c.toLowerCase()}`);

const INFO_DESCRIPTION = [
  'Every event Dateline records, as the relay publishes it from the event log to Kafka.',
  '',
  "* **CloudEvents 1.0, binary content mode** (Kafka protocol binding): the event's attributes travel as `ce_*` headers " +
    '(`ce_specversion`, `ce_id`, `ce_type`, `ce_source`, `ce_subject`, `ce_time`, and the extensions `ce_editor`, ' +
    "`ce_correlationid`, `ce_causationid` when the event has them); the value is the event's `data` as JSON, with " +
    `\`content-type: application/json\`. Beside them, \`${POSITION_HEADER}\` (the event's position in the global log) and ` +
    `\`${VERSION_HEADER}\` (its version in its stream), both decimal integers.`,
  '* **ce_type** is `dateline.<EventType>.v<version>`: the catalogue type and the version of its data. Stored events are ' +
    'upcast to the current version before they are published.',
  '* **Exactly once per ce_id**: the relay publishes with an idempotent producer and moves its checkpoint only after the ' +
    "broker's ack; after a crash it publishes nothing twice. `ce_id` is the id of the logged event (on the timeline-entries " +
    'topic: of the event that caused the change, or for a date it is about a name-based UUID of that id and the entry id), ' +
    'so a consumer can count or deduplicate by it.',
  '* **Order per key**: the key is the aggregate id (also `ce_subject`); all records of one aggregate go to one partition, ' +
    `in log order (\`${VERSION_HEADER}\` grows by one per record on the event topics). On the timeline-entries topic the key ` +
    'is the entry id (the diplomatic event id, or `<its id>/about/<index>`) and `ce_subject` the diplomatic event id.',
  '* **Tombstones**: on the compacted timeline-entries topic, a retracted diplomatic event (and each date it was about, or a ' +
    'date an amendment dropped) becomes a record with a null ' +
    `value. It still carries the \`ce_*\` and \`dateline_*\` headers (\`ce_type: ${TIMELINE_ENTRY_REMOVED_TYPE}\`), but no ` +
    'value and no `content-type`.',
  '',
  'Topic names start with `KAFKA_TOPIC_PREFIX` (`dateline.` by default, as in this document).',
].join('\n');

/** The headers every record carries (each message narrows ce_type, ce_source and content-type). */
function headersSchema(): Schema {
  const decimal = (description: string, pattern: string): Schema => ({ type: 'string', pattern, description });
  const extension = (description: string): Schema => ({ type: 'string', minLength: 1, description });
  return {
    type: 'object',
    description: 'CloudEvents 1.0 Kafka binding headers in binary content mode, plus the log position and stream version.',
    additionalProperties: false,
    properties: {
      ce_specversion: { type: 'string', const: '1.0' },
      ce_id: {
        type: 'string',
        format: 'uuid',
        description: 'The id of the logged event: unique per event, the same on a retried delivery.',
      },
      ce_type: { type: 'string', pattern: '^dateline\\.[A-Z][A-Za-z]*\\.v[1-9][0-9]*$', description: '`dateline.<Type>.v<version>`.' },
      ce_source: { type: 'string', enum: Object.values(SOURCES) },
      ce_subject: { type: 'string', format: 'uuid', description: 'The aggregate id: the same as the record key.' },
      ce_time: { type: 'string', format: 'date-time', description: 'When the event was recorded (its metadata.recordedAt).' },
      ce_editor: extension('Extension: who recorded the event.'),
      ce_correlationid: extension('Extension: the request the event belongs to.'),
      ce_causationid: extension('Extension: what caused the event.'),
      'content-type': { type: 'string', const: JSON_CONTENT_TYPE, description: 'Absent on tombstones.' },
      [POSITION_HEADER]: decimal('The position of the event in the global log: grows in log order, with gaps.', '^[1-9][0-9]*$'),
      [VERSION_HEADER]: decimal("The event's version in its stream, 1 for the first.", '^[1-9][0-9]*$'),
    },
    required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_subject', 'ce_time', POSITION_HEADER, VERSION_HEADER],
  };
}

/** A message's headers: the shared schema, with its own `ce_type` and `ce_source`. */
function messageHeaders(ceType: string, ceSource: string, hasValue: boolean): Schema {
  return {
    type: 'object',
    allOf: [
      schemaRef('DatelineHeaders'),
      {
        type: 'object',
        properties: { ce_type: { const: ceType }, ce_source: { const: ceSource } },
        ...(hasValue ? { required: ['content-type'] } : { not: { required: ['content-type'] } }),
      },
    ],
  };
}

const kafkaMessageBindings = { kafka: { key: schemaRef('AggregateId'), bindingVersion: KAFKA_BINDING_VERSION } };
const timelineMessageBindings = { kafka: { key: schemaRef('TimelineEntryKey'), bindingVersion: KAFKA_BINDING_VERSION } };

function eventMessage(entry: CatalogueEntry): AsyncApiMessage {
  const ceType = cloudEventType(entry.type, entry.version);
  return {
    name: entry.type,
    title: title(entry.type),
    summary: entry.description,
    description: `\`ce_type: ${ceType}\`. The value is the event's data (version ${entry.version}).`,
    contentType: JSON_CONTENT_TYPE,
    headers: messageHeaders(ceType, SOURCES[CHANNEL_OF_CATEGORY[entry.category]], true),
    payload: schemaRef(entry.type),
    correlationId: { description: 'The request the event belongs to.', location: '$message.header#/ce_correlationid' },
    bindings: kafkaMessageBindings,
  };
}

const TIMELINE_MESSAGES: Record<string, AsyncApiMessage> = {
  TimelineEntry: {
    name: 'TimelineEntry',
    title: 'Timeline entry',
    summary: 'The current state of a timeline entry (a diplomatic event, or a date it is about), after it was recorded or amended.',
    description: `\`ce_type: ${TIMELINE_ENTRY_TYPE}\`. \`ce_subject\` is the diplomatic event's id; \`ce_time\` and the \`dateline_*\` headers are those of the event that caused the change; \`ce_id\` is that event's id on the diplomatic event's own entry, and a name-based UUID (v5) of it and the entry id on an about-date entry.`,
    contentType: JSON_CONTENT_TYPE,
    headers: messageHeaders(TIMELINE_ENTRY_TYPE, SOURCES.timelineEntries, true),
    payload: schemaRef('TimelineEntry'),
    bindings: timelineMessageBindings,
  },
  TimelineEntryRemoved: {
    name: 'TimelineEntryRemoved',
    title: 'Timeline entry removed',
    summary:
      'A tombstone: the diplomatic event was retracted, or an amendment dropped a date it was about, and the entry leaves the timeline.',
    description: `\`ce_type: ${TIMELINE_ENTRY_REMOVED_TYPE}\`. The value is null (compaction then drops the key); the headers are there, \`content-type\` is not.`,
    headers: messageHeaders(TIMELINE_ENTRY_REMOVED_TYPE, SOURCES.timelineEntries, false),
    payload: { type: 'null' },
    bindings: timelineMessageBindings,
  },
};

/** Topic bindings from the specs the relay creates its topics with (default partitions and replicas). */
function topicBindings(prefix: string): Record<string, Schema> {
  const config = kafkaConfigFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_TOPIC_PREFIX: prefix })!;
  const bindings: Record<string, Schema> = {};
  for (const spec of topicSpecs(config)) {
    const entries = new Map((spec.configEntries ?? []).map((e) => [e.name, e.value]));
    const retention = entries.get('delete.retention.ms');
    bindings[spec.topic] = {
      kafka: {
        partitions: spec.numPartitions,
        replicas: spec.replicationFactor,
        topicConfiguration: {
          // The event topics keep the broker's default policy: delete.
          'cleanup.policy': (entries.get('cleanup.policy') ?? 'delete').split(','),
          ...(retention ? { 'delete.retention.ms': Number(retention) } : {}),
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    };
  }
  return bindings;
}

export function asyncApiDocument(prefix = 'dateline.'): AsyncApiDocument {
  const topics = topicNames(prefix);
  const bindings = topicBindings(prefix);
  const eventMessages = Object.fromEntries(CATALOGUE_ENTRIES.map((e) => [e.type, eventMessage(e)]));
  const messages = { ...eventMessages, ...TIMELINE_MESSAGES };
  const messageRefs = (names: string[]): Record<string, Ref> => Object.fromEntries(names.map((n) => [n, ref(`components/messages/${n}`)]));

  const channels: Record<keyof Topics, AsyncApiChannel> = {
    stories: {
      address: topics.stories,
      title: 'Story events',
      description: 'Every event of the story category, keyed by story id.',
      messages: messageRefs(eventTypesOf('story')),
      bindings: bindings[topics.stories] as AsyncApiChannel['bindings'],
    },
    diplomaticEvents: {
      address: topics.diplomaticEvents,
      title: 'Diplomatic events',
      description: 'Every event of the diplomatic-event category, keyed by diplomatic event id.',
      messages: messageRefs(eventTypesOf('diplomatic-event')),
      bindings: bindings[topics.diplomaticEvents] as AsyncApiChannel['bindings'],
    },
    factReviews: {
      address: topics.factReviews,
      title: 'Fact reviews',
      description:
        "Every event of the fact-review category, keyed by story id: an editor's acceptance (with the fact it became) or dismissal (with the reason) of a fact candidate of the story's revisions.",
      messages: messageRefs(eventTypesOf('fact-review')),
      bindings: bindings[topics.factReviews] as AsyncApiChannel['bindings'],
    },
    timelineEntries: {
      address: topics.timelineEntries,
      title: 'Timeline entries',
      description:
        'Compacted: the current state of each timeline entry, keyed by its id: a diplomatic event (its id) and each date it is about (`<its id>/about/<index>`); a tombstone (null value) when the event is retracted or the date dropped. Reading it from the beginning gives the current timeline. Replaces `timeline-entries.v1`, which the relay no longer writes (docs/operations.md).',
      messages: messageRefs(Object.keys(TIMELINE_MESSAGES)),
      bindings: bindings[topics.timelineEntries] as AsyncApiChannel['bindings'],
    },
  };

  const operations = Object.fromEntries(
    (Object.keys(channels) as (keyof Topics)[]).map((id) => [
      `publish${id[0].toUpperCase()}${id.slice(1)}`,
      {
        action: 'send',
        title: `Publish ${channels[id].title.toLowerCase()}`,
        summary: `The relay publishes to ${channels[id].address} in log order, once per ce_id.`,
        channel: ref(`channels/${id}`),
        messages: Object.keys(channels[id].messages).map((m) => ref(`channels/${id}/messages/${m}`)),
      },
    ]),
  );

  const document: AsyncApiDocument = {
    asyncapi: '3.0.0',
    info: {
      title: 'Dateline',
      // The version of this contract; the topics (`.v1`) and message types carry their own.
      version: '1',
      description: INFO_DESCRIPTION,
      license: { name: 'MIT' },
    },
    defaultContentType: JSON_CONTENT_TYPE,
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        title: 'Local broker',
        description: 'A single-node broker for development (`npm run kafka:up`).',
      },
    },
    channels,
    operations,
    components: {
      schemas: {
        AggregateId: { type: 'string', format: 'uuid', description: 'A story id or a diplomatic event id: the record key.' },
        TimelineEntryKey: timelineEntryKeySchema(),
        DatelineHeaders: headersSchema(),
        ...Object.fromEntries(CATALOGUE_ENTRIES.map((e) => [e.type, { description: e.description, ...e.schema }])),
        TimelineEntry: timelineEntrySchema(),
      },
      messages,
    },
  };
  // A fresh plain-JSON copy: nothing shared with the catalogue, nothing a caller can break it with, and only
  // JSON Schema: TypeBox's own markers (`~kind`, `~optional`) are not enumerable, so they stay behind.
  return JSON.parse(JSON.stringify(document)) as AsyncApiDocument;
}

/** `docs/asyncapi.yaml` as `npm run asyncapi` writes it. */
export function asyncApiYaml(prefix = 'dateline.'): string {
  const header = [
    'GENERATED FILE: do not edit by hand.',
    `Generated from the event catalogue (libs/domain/src/catalogue) by \`${ASYNCAPI_COMMAND}\``,
    '(libs/kafka/src/asyncapi/write-asyncapi.ts). A unit test fails when it is stale.',
  ];
  const body = stringify(asyncApiDocument(prefix), { aliasDuplicateObjects: false, lineWidth: 0 });
  return `${header.map((l) => `# ${l}`).join('\n')}\n${body}`;
}
