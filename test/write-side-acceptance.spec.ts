import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AmendmentChanges,
  CAMEO_CODEBOOK,
  EVENT_CATALOGUE,
  ATTRIBUTIONS,
  FACT_DATE_CERTAINTIES,
  FACT_STATUSES,
  DatelineEvent,
  dateInZone,
  diplomaticEventDecider,
  DiplomaticEventEvent,
  DiplomaticEventState,
  diplomaticEventStream,
  EVENT_KINDS,
  InvalidInput,
  storyDecider,
  storyStream,
} from '@dateline/domain';
import { EventStore, PgliteClient, RecordedEvent } from '@dateline/event-store';
import { applyBatch, BatchTarget, ensureSchema, liveTables, PROJECTION_CLASSES } from '@dateline/projections';
import { toEventMessage, toTimelineEntryMessage, TimelineEntryTracker, topicNames } from '@dateline/kafka';
import { asyncApiDocument } from '../libs/kafka/src/asyncapi/asyncapi-document';
import { createRecordValidator } from '../libs/kafka/src/asyncapi/record-validator';

/**
 * The write side accepts only what the read side can hold (issue 13, docs/adr/0007): commands
 * over the whole accepted space and its edges go through the real deciders; whatever they
 * accept is projected by every projection on in-memory PGlite (applyBatch, the code path of the
 * projector and of a rebuild) and becomes Kafka records (the relay's builders) that pass the
 * AsyncAPI record validator. Inputs with a known defect must be refused with an InvalidInput.
 *
 * Sized for a 2-core CI. Reproduce or widen a run with
 *   DATELINE_PROPERTY_SEED=<seed> DATELINE_PROPERTY_RUNS=<n> \
 *     node scripts/test.mjs --selectProjects unit -- test/write-side-acceptance.spec.ts
 * (fast-check prints the seed and path of a failure).
 */
const SEED = Number(process.env.DATELINE_PROPERTY_SEED ?? 20261207);
const RUNS = Number(process.env.DATELINE_PROPERTY_RUNS ?? 150);

const topics = topicNames('dateline.');
const validateRecord = createRecordValidator(asyncApiDocument());

// ---- the log, as the store would hand it out -------------------------------------------------

let position = 0;
let uuidCounter = 0;
const nextUuid = () => `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}`;
const versions = new Map<string, number>();

function logged(streamId: string, event: DatelineEvent): RecordedEvent {
  const streamVersion = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, streamVersion);
  position += 1;
  return {
    id: nextUuid(),
    streamId,
    streamVersion,
    position,
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].version,
    // Through JSON, as jsonb stores it.
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: {
      editor: 'property',
      correlationId: `c-${position}`,
      recordedAt: new Date(Date.UTC(2026, 11, 7, 9, 0, position)).toISOString(),
    },
  };
}

// ---- what commands are made of ---------------------------------------------------------------

const ZONES = [
  'UTC',
  'Europe/Istanbul',
  'Europe/Kyiv',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'Etc/GMT+12',
  'Etc/GMT-14',
  'Asia/Manila',
  'America/Sitka',
  'Australia/Lord_Howe',
];
/** Minutes east of UTC an instant may be written with: the extremes, half and quarter hours. */
const OFFSETS = [-720, -600, -210, -60, 0, 60, 180, 330, 345, 765, 780, 840];
const EARLIEST = Date.parse('1000-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/** Instants at the edges of the range, at leap days and across DST changes (Europe, US, Samoa's skipped day). */
const EDGE_INSTANTS = [
  EARLIEST,
  EARLIEST + 1,
  LATEST,
  LATEST - 1,
  Date.parse('1000-01-01T23:59:59Z'),
  Date.parse('9999-12-31T00:00:00Z'),
  Date.parse('1600-02-29T12:00:00Z'),
  Date.parse('2000-02-29T23:30:00Z'),
  Date.parse('2024-02-29T00:00:00Z'),
  Date.parse('9996-02-29T12:00:00Z'),
  Date.parse('2025-03-30T00:59:59Z'),
  Date.parse('2025-03-30T01:00:00Z'),
  Date.parse('2025-10-26T00:59:59Z'),
  Date.parse('2025-10-26T01:00:00Z'),
  Date.parse('2025-03-09T07:00:00Z'),
  Date.parse('2025-11-02T06:00:00Z'),
  Date.parse('2011-12-30T10:00:00Z'),
  Date.parse('1844-12-31T12:00:00Z'),
  // Just outside: year 0 (PostgreSQL has none), 999 and 10000. The deciders must refuse them.
  Date.parse('0000-01-01T00:00:00Z'),
  Date.parse('0000-12-31T12:00:00Z'),
  EARLIEST - 1,
  LATEST + 1,
  Date.parse('0999-06-15T12:00:00Z'),
];

const instantMs = fc.oneof(
  fc.constantFrom(...EDGE_INSTANTS),
  fc.integer({ min: EARLIEST, max: LATEST }),
  fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') }),
);

/**
 * An instant written at an offset, with seconds and maybe a fraction (`…T12:30:05.123+05:45`),
 * or without seconds (`…T12:30+05:45`: ISO 8601, not RFC 3339; the deciders must refuse it).
 */
function written(ms: number, offsetMinutes: number, fraction: string): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, fraction === 'no seconds' ? 16 : 19);
  if (fraction === 'no seconds') fraction = '';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset =
    offsetMinutes === 0 && fraction === ''
      ? 'Z'
      : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${fraction}${offset}`;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const certainty = fc.constantFrom(...FACT_DATE_CERTAINTIES);
const zone = fc.option(fc.constantFrom(...ZONES), { nil: undefined });

/**
 * When (v2): a day, a timed day whose `on` is the instant's local date, a month, a year, a
 * period or bounds (one or both); the two-sided ones of two days that may be the same, which
 * the deciders must refuse ("use precision day").
 */
const when = fc
  .oneof(
    fc.record({ ms: instantMs, zone, certainty }).map(({ ms, zone, certainty }) => ({
      precision: 'day' as const,
      on: day(ms),
      certainty,
      ...(zone ? { timezone: zone } : {}),
    })),
    fc
      .record({
        ms: instantMs,
        offset: fc.constantFrom(...OFFSETS),
        fraction: fc.constantFrom('', '.5', '.123', '.123456789', 'no seconds'),
        zone,
        certainty,
      })
      .map(({ ms, offset, fraction, zone, certainty }) => {
        const at = written(ms, offset, fraction);
        // In a zone, `on` is the wall-clock date there; else the date the instant is written with.
        const on = zone ? dateInZone(new Date(ms), zone) : at.slice(0, 10);
        return { precision: 'day' as const, on, at, certainty, ...(zone ? { timezone: zone } : {}) };
      }),
    fc
      .record({ ms: instantMs, certainty })
      .map(({ ms, certainty }) => ({ precision: 'month' as const, on: day(ms).slice(0, 7), certainty })),
    fc
      .record({ ms: instantMs, certainty })
      .map(({ ms, certainty }) => ({ precision: 'year' as const, on: day(ms).slice(0, 4), certainty })),
    fc.record({ a: instantMs, b: instantMs, certainty }).map(({ a, b, certainty }) => ({
      precision: 'period' as const,
      from: day(Math.min(a, b)),
      until: day(Math.max(a, b)),
      certainty,
    })),
    fc
      .record({ a: instantMs, b: instantMs, sides: fc.constantFrom('both', 'after', 'before'), certainty })
      .map(({ a, b, sides, certainty }) => ({
        precision: 'bounded' as const,
        ...(sides !== 'before' ? { onOrAfter: day(Math.min(a, b)) } : {}),
        ...(sides !== 'after' ? { onOrBefore: day(Math.max(a, b)) } : {}),
        certainty,
      })),
  )
  .map((w) => ({ when: w }));

/** Texts: ASCII, any Unicode (astral, combining, RTL), and a few we chose. Never empty after trim. */
const text = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.constantFrom(
      'Київ',
      'İstanbul',
      'مفاوضات السلام',
      'שלום',
      'e\u0301te\u0301',
      '𝔘𝔨𝔯𝔞𝔦𝔫𝔢 🇺🇦',
      '👩‍👩‍👧',
      '\u202Eevil\u202C',
      'a\u200Db',
      '﷽',
    ),
  )
  .filter((s) => s.trim().length > 0 && !s.includes('\u0000') && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));
const country = fc.constantFrom('UA', 'RU', 'TR', 'US', 'CH', 'WS');
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const participant = fc.record({ name: text, role: opt(text), country: opt(country) }, { requiredKeys: ['name'] });
const source = fc.record(
  { attribution: fc.constantFrom(...ATTRIBUTIONS), name: text, wording: opt(text), url: opt(fc.webUrl()), note: opt(text) },
  { requiredKeys: ['attribution', 'name'] },
);
const aboutDate = fc.tuple(text, when).map(([label, w]) => ({ label, date: w.when }));
const quote = fc.record(
  { text, speaker: text, speakerInferred: fc.boolean(), context: opt(text) },
  { requiredKeys: ['text', 'speaker', 'speakerInferred'] },
);
const place = fc.record({ name: text, country: opt(country) }, { requiredKeys: ['name'] });
const cameoCode = fc.constantFrom(...CAMEO_CODEBOOK.map((c) => c.code));

let storyPool: string[] = [];
/** Existing stories, each once, sometimes in upper case (the same UUID). */
const storyIds = fc
  .integer({ min: 0, max: 2 ** 16 })
  .map((bits) => storyPool.filter((_, i) => bits & (1 << i)).map((id, i) => (i % 2 ? id.toUpperCase() : id)));

/** Now and then null, which the HTTP shape lets through: the deciders must refuse it. */
const orNull = <T>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: a, weight: 60 }, { arbitrary: fc.constant(null), weight: 1 });

const optionalFields = fc.record(
  {
    title: text,
    kind: fc.constantFrom(...EVENT_KINDS),
    status: fc.constantFrom(...FACT_STATUSES),
    about: orNull(fc.array(aboutDate, { maxLength: 2 })),
    summary: orNull(text),
    location: orNull(place),
    participants: orNull(fc.array(participant, { maxLength: 4 })),
    sources: orNull(fc.array(source, { maxLength: 3 })),
    quotes: orNull(fc.array(quote, { maxLength: 3 })),
    cameoCode: orNull(cameoCode),
    storyIds: orNull(storyIds),
  },
  { requiredKeys: ['title', 'kind'] },
);

const fields = fc.tuple(optionalFields, when).map(([f, w]) => stripUndefined({ ...f, ...w }));

/**
 * Defects the write side must refuse, each with the field its problem names. Applied to a valid
 * command: the result must be an InvalidInput that names that field.
 */
type Defect = readonly [name: string, field: RegExp, apply: (f: Record<string, unknown>) => Record<string, unknown>];
const ON_CREATE: Defect[] = [
  ['a day in year 0', /when\.on/, (f) => ({ ...f, when: { precision: 'day', on: '0000-01-01', certainty: 'explicit' } })],
  ['a day before 1000', /when\.on/, (f) => ({ ...f, when: { precision: 'day', on: '0999-12-31', certainty: 'explicit' } })],
  [
    'a time in year 10000 in UTC',
    /when\.at/,
    (f) => ({ ...f, when: { precision: 'day', on: '9999-12-31', at: '9999-12-31T23:00:00-12:00', certainty: 'explicit' } }),
  ],
  [
    'a time in year 999 in UTC',
    /when\.at/,
    (f) => ({ ...f, when: { precision: 'day', on: '1000-01-01', at: '1000-01-01T05:00:00+14:00', certainty: 'explicit' } }),
  ],
  [
    'a time without seconds',
    /when\.at/,
    (f) => ({ ...f, when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T12:30+03:00', certainty: 'explicit' } }),
  ],
  ['a month 13', /when\.on/, (f) => ({ ...f, when: { precision: 'month', on: '2025-13', certainty: 'explicit' } })],
  [
    'bounds that meet',
    /use precision day/,
    (f) => ({ ...f, when: { precision: 'bounded', onOrAfter: '2025-05-16', onOrBefore: '2025-05-16', certainty: 'inferred' } }),
  ],
  ['a named source without a name', /sources\.0\.name/, (f) => ({ ...f, sources: [{ attribution: 'named-source' }] })],
  [
    'an about date without a label',
    /about\.0\.label/,
    (f) => ({ ...f, about: [{ label: ' ', date: { precision: 'year', on: '2022', certainty: 'explicit' } }] }),
  ],
  ['storyIds null', /storyIds/, (f) => ({ ...f, storyIds: null })],
  ['participants null', /participants/, (f) => ({ ...f, participants: null })],
  ['sources null', /sources/, (f) => ({ ...f, sources: null })],
  ['quotes null', /quotes/, (f) => ({ ...f, quotes: null })],
  ['summary null', /summary/, (f) => ({ ...f, summary: null })],
  ['a participant role null', /participants\.0\.role/, (f) => ({ ...f, participants: [{ name: 'A', role: null }] })],
  ['a repeated story id', /storyIds lists/, (f) => ({ ...f, storyIds: [storyPool[0], storyPool[0].toUpperCase()] })],
  ['a story id that is no UUID', /storyIds\.0/, (f) => ({ ...f, storyIds: ['not-a-uuid'] })],
  ['a NUL in the title', /title/, (f) => ({ ...f, title: 'Talks\u0000' })],
  [
    'a lone surrogate in a quote',
    /quotes\.0\.text/,
    (f) => ({ ...f, quotes: [{ text: 'x\uD800y', speaker: 'A', speakerInferred: false }] }),
  ],
];

function withoutNulls<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as T;
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

// ---- the read side ---------------------------------------------------------------------------

let sql: PgliteClient;
let targets: BatchTarget[];
let tracker: TimelineEntryTracker;

/** Projects the events with every projection, and checks every Kafka record the relay would send. */
async function readSideTakes(events: RecordedEvent[]): Promise<void> {
  await sql.transaction((tx) => applyBatch(tx, events, targets));
  for (const event of events) {
    const records = [toEventMessage(event, topics)];
    for (const change of await tracker.changes(event)) records.push(toTimelineEntryMessage(event, change.entryId, change.entry, topics));
    for (const r of records) {
      const problems = validateRecord({ topic: r.topic, key: r.key, value: r.value, headers: r.headers });
      expect({ event: event.data, problems }).toEqual({ event: event.data, problems: [] });
    }
  }
}

/** The decider's answer: its events, or the InvalidInput it threw (anything else fails the test). */
function decide(
  command: Parameters<typeof diplomaticEventDecider.decide>[0],
  state: DiplomaticEventState,
): DiplomaticEventEvent[] | InvalidInput {
  try {
    return diplomaticEventDecider.decide(command, state);
  } catch (err) {
    if (err instanceof InvalidInput) return err;
    throw err;
  }
}

describe('the write side accepts only what the read side can hold (property, PGlite)', () => {
  beforeAll(async () => {
    sql = await PgliteClient.open();
    const projections = PROJECTION_CLASSES.map((P) => new P());
    await ensureSchema(sql, projections);
    targets = projections.map((projection) => ({
      projection,
      tables: liveTables(projection.tables),
      after: 0,
    }));
    // Events come in log order, so the tracker never needs to read the store.
    const noStore = { readStream: () => Promise.reject(new Error('the tracker should not read the store here')) } as unknown as EventStore;
    tracker = new TimelineEntryTracker(noStore);
    // A pool of existing stories (the write side checks existence, the domain cannot).
    const stories: RecordedEvent[] = [];
    for (let i = 0; i < 8; i++) {
      const storyId = nextUuid();
      storyPool.push(storyId);
      stories.push(
        ...storyDecider
          .decide({ type: 'CreateStory', storyId, slug: `story-${i}`, headline: `Story ${i}`, body: 'Body.' }, storyDecider.initialState)
          .map((e) => logged(storyStream(storyId), e)),
      );
    }
    await readSideTakes(stories);
  });
  afterAll(async () => {
    await sql?.close();
    storyPool = [];
  });

  it('every event the deciders accept is projected and published within the contract; known defects are refused', async () => {
    let accepted = 0;
    let amended = 0;
    await fc.assert(
      fc.asyncProperty(
        fields,
        // One command in four carries a defect.
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...ON_CREATE), weight: 1 }),
        fc.option(fc.tuple(optionalFields, fc.option(when, { nil: undefined }), fc.subarray(['summary', 'location', 'cameoCode'])), {
          nil: undefined,
        }),
        async (valid, defect, amendment) => {
          const eventId = nextUuid();
          const stream = diplomaticEventStream(eventId);
          // A defect is applied to a command free of nulls: the deciders name nulls first, and only them.
          const input = defect ? stripUndefined(defect[2](withoutNulls(valid))) : valid;
          const result = decide({ type: 'RecordDiplomaticEvent', eventId, fields: input as never }, diplomaticEventDecider.initialState);
          if (defect) {
            expect(result).toBeInstanceOf(InvalidInput);
            expect((result as InvalidInput).problems.join('\n')).toMatch(defect[1]);
            return;
          }
          if (result instanceof InvalidInput) return; // e.g. occurredAt off occurredOn in a zone of LMT: refused, fine
          accepted++;
          await readSideTakes(result.map((e) => logged(stream, e)));
          if (!amendment) return;

          // An amendment: some new values, some optional fields removed with null.
          const state = result.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState);
          const [newValues, newWhen, removed] = amendment;
          const changes = { ...newValues, ...(newWhen ?? {}), ...Object.fromEntries(removed.map((k) => [k, null])) } as AmendmentChanges;
          const next = decide(
            {
              type: 'AmendDiplomaticEvent',
              eventId,
              expectedVersion: state.version,
              changes: stripUndefined(changes as Record<string, unknown>),
              reason: 'Property test',
            },
            state,
          );
          if (next instanceof InvalidInput) return;
          amended++;
          await readSideTakes(next.map((e) => logged(stream, e)));
          const retracted = decide(
            { type: 'RetractDiplomaticEvent', eventId, expectedVersion: state.version + 1, reason: 'Property test' },
            next.reduce(diplomaticEventDecider.evolve, state),
          );
          expect(retracted).not.toBeInstanceOf(InvalidInput);
          await readSideTakes((retracted as DiplomaticEventEvent[]).map((e) => logged(stream, e)));
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // The generators must reach the accepted space, not only its refusals.
    expect(accepted).toBeGreaterThan(RUNS / 4);
    expect(amended).toBeGreaterThan(0);
  });

  it('amendments: null on a list or a required field, and dates out of range, are refused naming the field', () => {
    const eventId = nextUuid();
    const recorded = diplomaticEventDecider.decide(
      {
        type: 'RecordDiplomaticEvent',
        eventId,
        fields: { title: 'T', kind: 'talks', when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' } },
      },
      diplomaticEventDecider.initialState,
    );
    const state = recorded.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState);
    const cases: [AmendmentChanges, RegExp][] = [
      [{ storyIds: null }, /changes\.storyIds cannot be null/],
      [{ participants: null }, /changes\.participants cannot be null/],
      [{ when: null }, /changes\.when cannot be removed/],
      [{ status: null }, /changes\.status cannot be removed/],
      [{ when: { precision: 'day', on: '0000-01-01', certainty: 'explicit' } }, /when\.on must be from 1000-01-01 to 9999-12-31/],
      [
        { when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T12:30+03:00', certainty: 'explicit' } },
        /when\.at must be an RFC 3339 instant with seconds/,
      ],
      [{ participants: [{ name: 'A', role: null as never }] }, /changes\.participants\.0\.role must not be null/],
    ];
    for (const [changes, problem] of cases) {
      const result = decide({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 1, changes, reason: 'r' }, state);
      expect(result).toBeInstanceOf(InvalidInput);
      expect((result as InvalidInput).problems.join('\n')).toMatch(problem);
    }
    // 2^53 + 1 would arrive as 2^53: beyond the safe integers a version is refused, not compared.
    for (const expectedVersion of [2 ** 53, -1, 1.5]) {
      const result = decide({ type: 'AmendDiplomaticEvent', eventId, expectedVersion, changes: { title: 'U' }, reason: 'r' }, state);
      expect(result).toBeInstanceOf(InvalidInput);
      expect((result as InvalidInput).problems.join('\n')).toMatch(/expectedVersion must be a whole number from 0 to 9007199254740991/);
    }
  });
});
