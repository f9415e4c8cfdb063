/**
 * JSON Schemas (draft 2020-12 subset) of every event's `data`. They feed the AsyncAPI document
 * and a test checks every event the deciders produce against them.
 */
type Schema = Record<string, unknown>;

const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });
const date: Schema = str({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const uuid: Schema = str({ format: 'uuid' });
const obj = (properties: Record<string, Schema>, required: string[]): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: 'null' }] });

const place = obj({ name: str(), country: str({ pattern: '^[A-Z]{2}$' }) }, ['name']);
const participant = obj({ name: str(), role: str(), country: str({ pattern: '^[A-Z]{2}$' }) }, ['name']);
const source = obj({ name: str(), url: str(), hedged: { type: 'boolean' }, note: str() }, ['name', 'hedged']);
const quote = obj({ text: str(), speaker: str(), speakerInferred: { type: 'boolean' }, context: str() }, [
  'text',
  'speaker',
  'speakerInferred',
]);

const fieldProps: Record<string, Schema> = {
  title: str({ minLength: 1 }),
  kind: str({
    enum: ['talks', 'meeting', 'proposal', 'rejection', 'statement', 'appointment', 'accusation', 'ceasefire', 'agreement', 'other'],
  }),
  occurredOn: date,
  occurredUntil: date,
  occurredAt: str({ format: 'date-time' }),
  timezone: str(),
  datePrecision: str({ enum: ['day', 'span'] }),
  dateCertainty: str({ enum: ['explicit', 'inferred'] }),
  dateText: str(),
  summary: str(),
  location: place,
  participants: { type: 'array', items: participant },
  sources: { type: 'array', items: source },
  quotes: { type: 'array', items: quote },
  cameoCode: str({ pattern: '^\\d{2,4}$' }),
  storyIds: { type: 'array', items: uuid },
};

const changeProps = Object.fromEntries(Object.entries(fieldProps).map(([k, s]) => [k, nullable(s)]));

export const EVENT_DATA_SCHEMAS: Record<string, Schema> = {
  StoryCreated: obj(
    {
      storyId: uuid,
      slug: str({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
      headline: str({ minLength: 1 }),
      body: str({ minLength: 1 }),
      editorsNote: str(),
      developing: { type: 'boolean' },
      byline: str(),
      tags: { type: 'array', items: str() },
      revision: { const: 1 },
    },
    ['storyId', 'slug', 'headline', 'body', 'developing', 'tags', 'revision'],
  ),
  StoryRevised: obj(
    {
      storyId: uuid,
      revision: { type: 'integer', minimum: 2 },
      kind: str({ enum: ['update', 'correction'] }),
      changeNote: str({ minLength: 1 }),
      headline: str({ minLength: 1 }),
      body: str({ minLength: 1 }),
      editorsNote: str(),
      developing: { type: 'boolean' },
    },
    ['storyId', 'revision', 'kind', 'changeNote'],
  ),
  DiplomaticEventRecorded: obj({ eventId: uuid, ...fieldProps }, [
    'eventId',
    'title',
    'kind',
    'occurredOn',
    'datePrecision',
    'dateCertainty',
    'participants',
    'sources',
    'quotes',
    'storyIds',
  ]),
  DiplomaticEventAmended: obj(
    { eventId: uuid, version: { type: 'integer', minimum: 2 }, changes: obj(changeProps, []), reason: str({ minLength: 1 }) },
    ['eventId', 'version', 'changes', 'reason'],
  ),
  DiplomaticEventRetracted: obj({ eventId: uuid, version: { type: 'integer', minimum: 2 }, reason: str({ minLength: 1 }) }, [
    'eventId',
    'version',
    'reason',
  ]),
};

export const EVENT_METADATA_SCHEMA: Schema = obj(
  {
    editor: str(),
    correlationId: str(),
    causationId: str(),
    idempotencyKey: str(),
    recordedAt: str({ format: 'date-time' }),
  },
  ['editor', 'correlationId', 'recordedAt'],
);
