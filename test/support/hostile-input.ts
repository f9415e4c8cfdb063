import fc from 'fast-check';
import { ATTRIBUTIONS, CAMEO_CODEBOOK, EVENT_KINDS, FACT_DATE_CERTAINTIES, FACT_DATE_PRECISIONS, FACT_STATUSES } from '@dateline/domain';

/**
 * fast-check arbitraries for fuzzing the write API: request bodies that mix valid shapes
 * (so that some writes really go through) with hostile ones, and the headers and path ids
 * around them. Used by test/faults/write-fuzz.e2e-spec.ts.
 *
 * Large and deep values are written as markers, expanded only when the body is serialised
 * (`serialiseBody`), so that a counterexample fast-check prints stays readable:
 *   "@@huge:N@@"          a string of N "x"
 *   "@@nest-array:N@@"    N nested arrays  [[[…]]]
 *   "@@nest-object:N@@"   N nested objects {"a":{"a":…0}}
 */

/** Stands for "the aggregate's current version" in expectedVersion/expectedRevision; resolved just before sending. */
export const CURRENT_VERSION: { readonly [fc.toStringMethod]: () => string } = Object.freeze({
  [fc.toStringMethod]: () => 'CURRENT_VERSION',
});

export type PathId =
  /** one of the aggregates known to exist (index modulo the pool) */
  | { readonly real: number }
  /** an aggregate created just for this request (not counted in the state comparison) */
  | { readonly fresh: true }
  /** the other kind of aggregate's id (a story id on an event route, or the reverse) */
  | { readonly otherKind: number }
  /** any path segment, already URL-encoded where it needs to be */
  | { readonly raw: string };

export type Body = { readonly json: unknown } | { readonly text: string } | { readonly bytes: Uint8Array };

export interface FuzzRequest<B = Body> {
  readonly pathId?: PathId;
  readonly body: B;
  /** undefined: no Content-Type header at all. */
  readonly contentType?: string;
  readonly idempotencyKey?: string;
  /** 'editor' | 'admin' | a raw Authorization header value | undefined (none). */
  readonly authorization?: string;
  readonly correlationId?: string;
}

const huge = (n: number) => `@@huge:${n}@@`;
const nestArray = (n: number) => `@@nest-array:${n}@@`;
const nestObject = (n: number) => `@@nest-object:${n}@@`;

/** The JSON text (or bytes) of a body, with the markers expanded. */
export function serialiseBody(body: Body): Buffer {
  if ('bytes' in body) return Buffer.from(body.bytes);
  const text = 'text' in body ? body.text : (JSON.stringify(body.json) ?? '');
  return Buffer.from(expandMarkers(text), 'utf8');
}

export function expandMarkers(text: string): string {
  return text
    .replace(/"@@huge:(\d+)@@"/g, (_, n: string) => `"${'x'.repeat(Number(n))}"`)
    .replace(/"@@nest-array:(\d+)@@"/g, (_, n: string) => '['.repeat(Number(n)) + ']'.repeat(Number(n)))
    .replace(/"@@nest-object:(\d+)@@"/g, (_, n: string) => '{"a":'.repeat(Number(n)) + '0' + '}'.repeat(Number(n)));
}

// ---------------------------------------------------------------- scalars

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\t\n\r',
      '\u00a0',
      '\u0000',
      'nul\u0000inside',
      '\u001b[31mred',
      'NaN',
      'Infinity',
      '-Infinity',
      '1e309',
      '0x1F',
      '-0',
      'null',
      'undefined',
      'true',
      '[]',
      '{}',
      '__proto__',
      'constructor',
      'prototype',
      "' OR '1'='1",
      "'); DROP TABLE dateline_events; --",
      '$1',
      '%s%n%x',
      '${7*7}{{7*7}}',
      '<script>alert(1)</script>',
      '\u202eevil',
      '\ufeffbom',
      'Zürich — «Genève» 東京',
      '🇺🇦🇷🇺👩‍👩‍👧',
      'e\u0301',
      '\ud800',
      'lone \udfff low',
      '../../etc/passwd',
      'x'.repeat(61),
      'x'.repeat(301),
      'x'.repeat(1001),
      huge(10_001),
      huge(200_001),
    ),
    weight: 3,
  },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    1.5,
    2 ** 31,
    2 ** 31 - 1,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    1e21,
    1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
);

const FIELD_NAMES = [
  'slug',
  'headline',
  'body',
  'editorsNote',
  'developing',
  'byline',
  'tags',
  'expectedRevision',
  'changeNote',
  'kind',
  'title',
  'when',
  'status',
  'relations',
  'about',
  'publishedAt',
  'summary',
  'location',
  'participants',
  'sources',
  'quotes',
  'cameoCode',
  'storyIds',
  'expectedVersion',
  'changes',
  'reason',
  'id',
  'eventId',
  'storyId',
  'version',
  'revision',
  'type',
  'editor',
  'metadata',
  'position',
];

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '__defineGetter__',
    '$where',
    '$gt',
    '',
    ' ',
    '\u0000',
    'a.b',
    ...FIELD_NAMES,
  ),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(nastyString, nastyNumber, fc.boolean(), fc.constant(null));

/** Any JSON value, biased to hostile: wrong types, prototype keys, deep nesting, huge strings. */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 2 },
    { arbitrary: fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }), weight: 2 },
    { arbitrary: fc.constantFrom(nestArray(64), nestArray(3_000), nestArray(20_000), nestObject(3_000), nestObject(20_000)), weight: 1 },
  ),
})).value;

// ---------------------------------------------------------------- field values, valid and not

const DAY_MS = 86_400_000;
const MIN_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const MAX_DAY = Date.UTC(2100, 11, 31) / DAY_MS;

export const validDate: fc.Arbitrary<string> = fc
  .integer({ min: MIN_DAY, max: MAX_DAY })
  .map((d) => new Date(d * DAY_MS).toISOString().slice(0, 10));

export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '2025-02-30',
    '2025-02-29',
    '2023-02-29',
    '2024-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-05-00',
    '0000-00-00',
    '0000-02-29',
    '9999-99-99',
    '2025-5-16',
    '16/05/2025',
    '2025/05/16',
    '2025-05-16T00:00:00Z',
    '20250516',
    ' 2025-05-16',
    '2025-05-16\n',
    '２０２５-０５-１６',
    '+002025-05-16',
    '-0001-01-01',
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  junk,
);

const VALID_ZONES = [
  'UTC',
  'Etc/UTC',
  'Europe/Zurich',
  'Europe/Istanbul',
  'Europe/Kyiv',
  'Europe/Kiev',
  'America/New_York',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Etc/GMT+12',
  'Etc/GMT-14',
];

export const hostileZone: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...VALID_ZONES),
  fc.constantFrom(
    'Mars/Olympus',
    '+03:00',
    'UTC+3',
    'utc',
    'europe/zurich',
    'Europe/Zürich',
    'Europe/../Zurich',
    'Europe//Zurich',
    '/Europe/Zurich',
    'Etc/GMT+15',
    'EST5EDT',
    'Z',
    'x'.repeat(65),
    '',
    'A',
    'Europe/Zurich\u0000',
  ),
  junk,
);

export const hostileInstant: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '2024-03-05T10:00:00+01:00',
    '2024-03-05T10:00:00Z',
    '2024-03-05T10:00Z',
    '2024-03-05T10:00:00.123456789+14:00',
    '2024-03-05T10:00:00',
    '2024-03-05T24:00:00Z',
    '2024-03-05T10:60:00Z',
    '2024-03-05T10:00:00+15:00',
    '2024-02-30T10:00:00Z',
    '2024-03-05 10:00:00Z',
    'yesterday',
    'now',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59-12:00',
    '+275760-09-13T00:00:00Z',
    'x'.repeat(41),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  junk,
);

const CAMEO_CODES = CAMEO_CODEBOOK.map((c) => c.code);

export const hostileCameo: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...CAMEO_CODES),
  fc.constantFrom('999', '0000', '00', '1', '12345', 'abc', '04 6', ' 046', '046\u0000', '٠٤٦', '0x2E', ''),
  fc.integer({ min: 0, max: 9999 }).map((n) => String(n)),
  fc.constantFrom(46, 46.0, -46),
  junk,
);

export const hostileKind: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EVENT_KINDS),
  fc.constantFrom('summit', 'Talks', 'TALKS', 'talks ', '', 'other\u0000', '__proto__', 'toString'),
  junk,
);

/** Versions and revisions: the current one, plausible ones, and anything else. */
export const hostileVersion: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(CURRENT_VERSION), weight: 6 },
  { arbitrary: fc.integer({ min: -3, max: 8 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      0,
      -1,
      1.5,
      2 ** 31,
      2 ** 31 - 1,
      2 ** 53,
      2 ** 53 + 2,
      -(2 ** 53),
      1e21,
      1e308,
      '1',
      '01',
      '1e0',
      ' 1',
      'NaN',
      'Infinity',
      true,
      null,
      [1],
      { $gt: 0 },
    ),
    weight: 2,
  },
  { arbitrary: junk, weight: 1 },
);

/** A field's value: mostly valid, sometimes hostile. */
const usually = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = junk): fc.Arbitrary<unknown> =>
  fc.oneof({ withCrossShrink: true }, { arbitrary: valid, weight: 5 }, { arbitrary: hostile, weight: 1 });

const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) }).filter((s) => s.trim().length > 0);
const country = fc.constantFrom('UA', 'RU', 'TR', 'FR', 'CH', 'US');
const hostileCountry = fc.oneof(country, fc.constantFrom('ua', 'Ukraine', 'UKR', 'U', 'ÜA', ''), junk);

const participant = fc.record({ name: text(200), role: text(300), country }, { requiredKeys: ['name'] });
const source = fc.record(
  { attribution: fc.constantFrom(...ATTRIBUTIONS), name: text(200), wording: text(500), url: fc.webUrl(), note: text(500) },
  { requiredKeys: ['attribution', 'name'] },
);
const quote = fc.record(
  { text: text(5000), speaker: text(200), speakerInferred: fc.boolean(), context: text(500) },
  { requiredKeys: ['text', 'speaker', 'speakerInferred'] },
);
const place = fc.record({ name: text(200), country }, { requiredKeys: ['name'] });

const hostileList = <T>(item: fc.Arbitrary<T>, max: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: fc.array(item, { maxLength: 4 }), weight: 6 },
    { arbitrary: fc.array(fc.oneof(item, junk), { minLength: 1, maxLength: 4 }), weight: 2 },
    {
      arbitrary: fc.constant(
        Array.from({ length: max + 1 }, () => ({ name: 'n', attribution: 'reportedly', text: 't', speaker: 's', speakerInferred: false })),
      ),
      weight: 1,
    },
    { arbitrary: fc.oneof(item as fc.Arbitrary<unknown>, junk), weight: 1 }, // an object or a scalar where an array belongs
  );

// ---------------------------------------------------------------- bodies

/**
 * A body that is valid, or that a few mutations made hostile (a field set to junk, a required
 * field removed, an unknown or prototype key added), or junk altogether, or not JSON at all.
 */
function bodies(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Body> {
  const mutation = fc.oneof(
    fc.record({ set: fc.constantFrom(...FIELD_NAMES), to: junk }),
    fc.record({ set: hostileKey, to: junk }),
    fc.record({ remove: fc.constantFrom(...FIELD_NAMES) }),
  );
  const mutated = fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([body, mutations]) => {
    const out: Record<string, unknown> = { ...body };
    for (const m of mutations) {
      if ('remove' in m) delete out[m.remove];
      // defineProperty: "__proto__" must become an own key (and so end up in the JSON), not the prototype.
      else Object.defineProperty(out, m.set, { value: m.to, enumerable: true, writable: true, configurable: true });
    }
    return out;
  });
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: valid.map((json) => ({ json })), weight: 4 },
    { arbitrary: mutated.map((json) => ({ json })), weight: 5 },
    { arbitrary: junk.map((json) => ({ json })), weight: 1 },
    {
      arbitrary: fc.oneof(
        fc
          .constantFrom(
            '',
            ' ',
            '{',
            '{"slug":',
            "{'slug':'a'}",
            '{"a":1,}',
            '{"a":NaN}',
            '{"a":Infinity}',
            '{"a":undefined}',
            '{"a":1}garbage',
            '{"a":1}{"b":2}',
            '\ufeff{}',
            '{"__proto__":{"polluted":true}}',
            '{"constructor":{"prototype":{"polluted":true}}}',
            '{"a":"\\ud800"}',
            '{"a":"\\u0000"}',
            '{"a":1e999999}',
            '0',
            '-0',
            '"text"',
            'null',
            'true',
            '[]',
            '[{}]',
            `{"slug":"${'x'.repeat(1_100_000)}"}`,
          )
          .map((text) => ({ text })),
        fc.string({ unit: 'binary', maxLength: 64 }).map((text) => ({ text })),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bytes })),
      ),
      weight: 1,
    },
  );
}

export const storyBodies: fc.Arbitrary<Body> = bodies(
  fc.record(
    {
      slug: usually(
        fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/),
        fc.oneof(nastyString, fc.constantFrom('Not A Slug', '-a', 'a-', 'a--b', 'ÿ', 'x'.repeat(121))),
      ),
      headline: usually(text(300), nastyString),
      body: usually(text(200_000), nastyString),
      editorsNote: usually(fc.string({ maxLength: 50 }), nastyString),
      developing: usually(fc.boolean()),
      byline: usually(text(200), nastyString),
      tags: usually(fc.array(text(60), { maxLength: 5 }), hostileList(nastyString, 50)),
    },
    { requiredKeys: ['slug', 'headline', 'body'] },
  ),
);

export const revisionBodies: fc.Arbitrary<Body> = bodies(
  fc.record(
    {
      expectedRevision: hostileVersion,
      headline: usually(text(300), nastyString),
      body: usually(text(200_000), nastyString),
      editorsNote: usually(fc.string({ maxLength: 50 }), nastyString),
      developing: usually(fc.boolean()),
      changeNote: usually(text(1000), nastyString),
      kind: usually(fc.constantFrom('update', 'correction'), fc.oneof(fc.constantFrom('rewrite', 'Update', ''), junk)),
    },
    { requiredKeys: ['expectedRevision', 'changeNote'] },
  ),
);

/** A `when`, usually valid, on or around `on`: each precision, and hostile fields of each. */
const hostileWhen = (on: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant({ precision: 'day', on, certainty: 'explicit' }),
    fc.constant({ precision: 'day', on, at: `${on}T12:00:00Z`, timezone: 'UTC', certainty: 'explicit' }),
    fc.constant({ precision: 'day', on, at: `${on}T12:00:00+03:00`, certainty: 'inferred' }),
    fc.constant({ precision: 'day', on, at: `${on}T23:30:00Z`, timezone: 'Asia/Kolkata', certainty: 'explicit' }), // the next day there: a domain 400
    fc.record({ timezone: fc.constantFrom(...VALID_ZONES) }).map((z) => ({ precision: 'day', on, certainty: 'explicit', ...z })),
    fc.constant({ precision: 'month', on: on.slice(0, 7), certainty: 'inferred' }),
    fc.constant({ precision: 'year', on: on.slice(0, 4), certainty: 'explicit' }),
    fc
      .constantFrom(on, '2100-12-31', '1900-01-01')
      .map((until) => ({ precision: 'period', from: on, until, certainty: 'explicit', wording: 'over three days' })),
    fc.constantFrom(on, '2100-12-31').map((onOrBefore) => ({ precision: 'bounded', onOrBefore, certainty: 'inferred' })),
    fc.record(
      {
        precision: usually(fc.constantFrom(...FACT_DATE_PRECISIONS), fc.oneof(fc.constantFrom('span', 'Day', ''), junk)),
        on: hostileDate,
        at: hostileInstant,
        timezone: hostileZone,
        until: hostileDate,
        onOrBefore: hostileDate,
        certainty: usually(fc.constantFrom(...FACT_DATE_CERTAINTIES), fc.oneof(fc.constantFrom('certain', 'Explicit'), junk)),
        wording: usually(text(300), nastyString),
      },
      { requiredKeys: [] },
    ),
    junk,
  );

/** The optional fields of a diplomatic event, each usually valid. */
const optionalEventFields = (on: string) =>
  fc.record(
    {
      status: usually(fc.constantFrom(...FACT_STATUSES), fc.oneof(fc.constantFrom('rumoured', 'Happened'), junk)),
      relations: usually(
        fc.constant([]),
        hostileList(
          fc.record(
            { relation: fc.oneof(fc.constantFrom('before', 'after', 'same-day', 'during'), junk), fact: fc.oneof(fc.uuid(), nastyString) },
            { requiredKeys: [] },
          ),
          100,
        ),
      ),
      about: usually(
        fc.array(fc.record({ label: text(300), date: hostileWhen(on) }), { maxLength: 2 }),
        hostileList(fc.record({ label: nastyString, date: junk }, { requiredKeys: [] }), 50),
      ),
      publishedAt: usually(
        fc.constantFrom('2024-03-05T09:00:00Z', '2024-03-05T12:00:00+01:00'),
        fc.oneof(hostileInstant, fc.constant('2999-01-01T00:00:00Z')),
      ),
      summary: usually(fc.string({ maxLength: 60 }), nastyString),
      location: usually(place, fc.oneof(fc.record({ name: nastyString, country: hostileCountry }, { requiredKeys: [] }), junk)),
      participants: usually(
        fc.array(participant, { maxLength: 4 }),
        hostileList(fc.record({ name: nastyString, role: nastyString, country: hostileCountry }, { requiredKeys: [] }), 200),
      ),
      sources: usually(
        fc.array(source, { maxLength: 3 }),
        hostileList(
          fc.record(
            { attribution: fc.oneof(fc.constantFrom(...ATTRIBUTIONS), junk), name: nastyString, url: nastyString },
            { requiredKeys: [] },
          ),
          100,
        ),
      ),
      quotes: usually(
        fc.array(quote, { maxLength: 3 }),
        hostileList(
          fc.record({ text: nastyString, speaker: nastyString, speakerInferred: fc.oneof(fc.boolean(), junk) }, { requiredKeys: [] }),
          100,
        ),
      ),
      cameoCode: usually(fc.constantFrom(...CAMEO_CODES), hostileCameo),
      storyIds: usually(fc.array(fc.uuid({ version: 4 }), { maxLength: 3 }), hostileList(fc.oneof(fc.uuid(), nastyString), 100)),
    },
    { requiredKeys: [] },
  );

export const diplomaticEventBodies: fc.Arbitrary<Body> = bodies(
  fc
    .record({
      title: usually(text(300), nastyString),
      kind: usually(fc.constantFrom(...EVENT_KINDS), hostileKind),
      day: usually(validDate, hostileDate),
    })
    .chain(({ day, ...required }) =>
      fc.tuple(hostileWhen(typeof day === 'string' ? day : '2024-03-05'), optionalEventFields('2024-03-05')).map(([when, optional]) => ({
        when,
        ...required,
        ...optional,
      })),
    ),
);

export const amendmentBodies: fc.Arbitrary<Body> = bodies(
  fc.record(
    {
      expectedVersion: hostileVersion,
      changes: fc.oneof(
        {
          arbitrary: fc
            .record({ title: text(300), kind: fc.constantFrom(...EVENT_KINDS), when: hostileWhen('2024-03-05') }, { requiredKeys: [] })
            .chain((c) => optionalEventFields('2024-03-05').map(({ publishedAt: _p, ...o }) => ({ ...c, ...o }))),
          weight: 4,
        },
        { arbitrary: fc.record({ summary: fc.string({ maxLength: 40 }) }), weight: 3 },
        { arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(fc.constant(null), junk), { maxKeys: 3 }), weight: 2 },
        { arbitrary: junk, weight: 1 },
      ),
      reason: usually(text(1000), nastyString),
    },
    { requiredKeys: ['expectedVersion', 'changes', 'reason'] },
  ),
);

export const retractionBodies: fc.Arbitrary<Body> = bodies(
  fc.record({ expectedVersion: hostileVersion, reason: usually(text(1000), nastyString) }, { requiredKeys: ['expectedVersion', 'reason'] }),
);

// ---------------------------------------------------------------- path ids and headers

export const pathIds: fc.Arbitrary<PathId> = fc.oneof(
  { withCrossShrink: true }, // a counterexample shrinks towards the first, plain, choice
  { arbitrary: fc.nat().map((real) => ({ real })), weight: 6 },
  { arbitrary: fc.constant({ fresh: true as const }), weight: 2 },
  { arbitrary: fc.nat().map((otherKind) => ({ otherKind })), weight: 1 },
  {
    arbitrary: fc
      .oneof(
        fc.uuid({ version: 4 }),
        fc.uuid(),
        fc.uuid({ version: 4 }).map((u) => u.toUpperCase()),
        fc.uuid({ version: 4 }).map((u) => `${u}x`),
        fc.uuid({ version: 4 }).map((u) => u.replace(/-/g, '')),
        fc
          .uuid({ version: 4 })
          .map((u) => `{${u}}`)
          .map(encodeURIComponent),
        fc.constantFrom(
          'not-a-uuid',
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-4fff-bfff-ffffffffffff',
          'null',
          'undefined',
          '__proto__',
          'constructor',
          '1',
          '-1',
          '%00',
          '%zz',
          '%',
          '..',
          '.',
          'a'.repeat(5000),
          '%F0%9F%98%80',
        ),
        fc.string({ unit: 'grapheme', maxLength: 40 }).map(encodeURIComponent),
      )
      .map((raw) => ({ raw })),
    weight: 3,
  },
);

const headerChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09))
  .map((c) => String.fromCharCode(c));

/** Idempotency-Key values: absent, reused from a small pool (replays and 422s), or odd. */
export const idempotencyKeys: fc.Arbitrary<string | undefined> = fc.oneof(
  { withCrossShrink: true }, // a counterexample shrinks towards the first, plain, choice
  { arbitrary: fc.constant(undefined), weight: 6 },
  { arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3'), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: headerChar, maxLength: 40 }), weight: 1 },
  {
    arbitrary: fc.constantFrom('', ' ', 'k'.repeat(200), 'k'.repeat(201), 'k'.repeat(5000), 'key with spaces', 'clé', '\u00ff\u0080'),
    weight: 1,
  },
);

export const contentTypes: fc.Arbitrary<string | undefined> = fc.oneof(
  { withCrossShrink: true }, // a counterexample shrinks towards the first, plain, choice
  { arbitrary: fc.constant('application/json'), weight: 16 },
  {
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'Application/JSON',
      'application/json ; x=y',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset=',
      'application/json;;;',
      'application/json, text/plain',
      'application/jsonp',
      'application/vnd.api+json',
      'application/merge-patch+json',
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      '*/*',
      '',
      ';',
    ),
    weight: 3,
  },
  { arbitrary: fc.string({ unit: headerChar, maxLength: 30 }), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

export const authorizations: fc.Arbitrary<string | undefined> = fc.oneof(
  { withCrossShrink: true }, // a counterexample shrinks towards the first, plain, choice
  { arbitrary: fc.constant('editor'), weight: 16 },
  { arbitrary: fc.constant('admin'), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      'Bearer',
      'Bearer ',
      'Bearer nobody',
      'Basic YWxpY2U6c2VjcmV0',
      'bearer editor-token-for-tests',
      'Bearer editor-token-for-tests extra',
    ),
    weight: 2,
  },
);

export const correlationIds: fc.Arbitrary<string | undefined> = fc.oneof(
  { withCrossShrink: true }, // a counterexample shrinks towards the first, plain, choice
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.string({ unit: headerChar, maxLength: 30 }), weight: 1 },
  { arbitrary: fc.constant('c'.repeat(201)), weight: 1 },
);

/** A whole request for one route. */
export const fuzzRequests = (body: fc.Arbitrary<Body>, withPathId: boolean): fc.Arbitrary<FuzzRequest> =>
  fc.record({
    ...(withPathId ? { pathId: pathIds } : {}),
    body,
    contentType: contentTypes,
    idempotencyKey: idempotencyKeys,
    authorization: authorizations,
    correlationId: correlationIds,
  });

// ---------------------------------------------------------------- query strings (read routes)

/**
 * A query-string or path value for the read fuzz (test/faults/read-fuzz.e2e-spec.ts): `text`
 * is percent-encoded when the URL is built; `raw` goes in as it is (already encoded, or badly).
 */
export type UrlValue = { readonly text: string } | { readonly raw: string };

/** The URL text of a value. A lone surrogate has no UTF-8 (encodeURIComponent throws): it goes as U+FFFD, rawUrlValue sends its bytes. */
export const urlText = (v: UrlValue): string =>
  'raw' in v
    ? v.raw
    : encodeURIComponent(v.text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** Percent-encodings that decode to nothing good: truncated, non-hex, NUL, overlong, lone surrogate, BOM. */
export const rawUrlValue: fc.Arbitrary<UrlValue> = fc
  .constantFrom(
    '%',
    '%0',
    '%zz',
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%C0%AF',
    '%FF',
    '%E2%80%AE',
    '%EF%BB%BF1',
    '+',
    '%2B1',
    '1%20',
    '&',
    '=',
    '==',
    '%26',
    '%3D',
    '?',
    '%3F',
    '..',
    '.',
    '%2e%2e',
    '%2F',
    '%5C',
  )
  .map((raw) => ({ raw }));

/** Whole numbers as text, and everything Number() or parseInt would also read as one. */
export const integerText: fc.Arbitrary<string> = fc.oneof(
  fc.nat().map(String),
  fc.constantFrom(
    '0',
    '-0',
    '-1',
    '1e3',
    '0x10',
    '0b1',
    '1.0',
    '1.5',
    '+1',
    ' 1',
    '1 ',
    '',
    '00001',
    '2147483647',
    '2147483648',
    '4294967297',
    '9007199254740991',
    '9007199254740992',
    '99999999999999999999',
    '1e309',
    'NaN',
    'Infinity',
    '١٢',
  ),
  nastyNumber.map(String),
);

/** Junk as query text: strings as they are (markers unexpanded: a URL has a size limit), anything else as JSON. */
const junkText: fc.Arbitrary<string> = junk.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined')).slice(0, 2_000));

/** A value for a parameter: usually one that `valid` gives, else hostile text, numbers, junk or bad encodings. */
export const urlValue = (valid: fc.Arbitrary<string>): fc.Arbitrary<UrlValue> =>
  fc.oneof(
    { withCrossShrink: true },
    { arbitrary: valid.map((text) => ({ text })), weight: 5 },
    {
      arbitrary: fc
        .oneof(nastyString, integerText, junkText, fc.constantFrom('\u0000', 'UA\u0000', '\ud800', 'x'.repeat(201), 'x'.repeat(5_000)))
        .map((text) => ({ text })),
      weight: 3,
    },
    { arbitrary: rawUrlValue, weight: 1 },
  );

/** Parameter names nobody documents: prototype keys, bracket syntax, case variants. */
export const strayParamName: fc.Arbitrary<string> = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'x',
  '',
  'minPosition[]',
  'participant[0]',
  'from[a]',
  'FROM',
  'asof',
  'toString',
  '$where',
);
