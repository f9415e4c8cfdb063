import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { EVENT_KINDS } from '@dateline/domain';
import { diplomaticEvent, story, onDay } from '../support/fixtures';
import {
  hostileDate,
  hostileInstant,
  hostileZone,
  integerText,
  pathIds,
  rawUrlValue,
  strayParamName,
  UrlValue,
  urlText,
  urlValue,
  validDate,
} from '../support/hostile-input';
import { bearer, listen, startTestApp, TestApp } from '../support/test-app';

/** Runs per route; the fixed seed makes a failure reproducible (fast-check prints seed and path). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_213);
const TIMEOUT = 120_000;

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** What a route answers, as documented: JSON, an HTML page, either by Accept, or an event stream. */
type Answers = 'json' | 'html' | 'negotiated' | 'sse';

interface Route {
  readonly name: string;
  /** The path, its segments already URL text. */
  readonly path: fc.Arbitrary<string>;
  /** Documented query parameters and usual values for them (hostile ones are added). */
  readonly params: Readonly<Record<string, fc.Arbitrary<string>>>;
  /** Parameters that are all valid, so that the fuzz also sees the route answer 2xx. */
  readonly clean?: Readonly<Record<string, fc.Arbitrary<string>>>;
  readonly answers: Answers;
}

/**
 * Issue 13, part 6: a property-based fuzz of every public GET route (fast-check), on the real
 * in-process service with in-memory PGlite, no Kafka. Query strings are valid, valid but for one
 * or two hostile values, or any mix, with repeated and stray parameters; path segments and
 * Last-Event-ID are real ids and positions or hostile ones (test/support/hostile-input.ts:
 * NUL, lone surrogates, bad percent-encodings, numbers that Number() reads but a strict parse
 * does not, 2^31 and past 2^53, impossible dates, junk). The property, for every request: never
 * a 5xx, and the answer is a JSON body (errors as `{ statusCode, error, message }`) or an HTML
 * page, as the route documents (the stream: its head, or a JSON 400). Run it with Jest directly:
 *   node --experimental-vm-modules node_modules/jest/bin/jest.js test/faults/read-fuzz.e2e-spec.ts --selectProjects faults
 */
describe('read API fuzz (fast-check, PGlite)', () => {
  let t: TestApp;
  let base: string;
  const ids = { story: [] as string[], 'diplomatic-event': [] as string[] };
  const seen = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    // A short minPosition wait: a valid position beyond the log waits this long, then answers.
    t = await startTestApp({ minPositionWaitMs: 20 });
    base = await listen(t);
    for (let i = 0; i < 2; i++) {
      const s = (
        await t
          .http()
          .post('/stories')
          .set(bearer())
          .send(story({ slug: `read-fuzz-${i}` }))
          .expect(201)
      ).body.id as string;
      await t
        .http()
        .post(`/stories/${s}/revisions`)
        .set(bearer())
        .send({ expectedRevision: 1, body: 'Revised.', changeNote: 'r' })
        .expect(201);
      ids.story.push(s);
      const e = diplomaticEvent({
        title: `Read fuzz ${i}`,
        when: onDay('2024-03-0' + (i + 1)),
        storyIds: [s],
        participants: [{ name: 'Zürich delegation', country: 'CH' }],
      });
      ids['diplomatic-event'].push((await t.http().post('/diplomatic-events').set(bearer()).send(e).expect(201)).body.id);
    }
  }, TIMEOUT);

  afterAll(async () => {
    if (process.env.FAULTS_VERBOSE) {
      for (const [route, statuses] of seen)
        console.info(
          `read-fuzz: ${route}: ${[...statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${n} x ${s}`)
            .join(', ')}`,
        );
    }
    await t?.close();
  });

  // ------------------------------------------------------------ generators

  const asText = (a: fc.Arbitrary<unknown>) => a.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined')));
  const date = fc.oneof(
    { arbitrary: fc.constantFrom('2024-03-01', '2024-03-02'), weight: 2 },
    { arbitrary: validDate, weight: 2 },
    { arbitrary: asText(hostileDate), weight: 1 },
  );
  const position = fc.oneof(fc.constantFrom('0', '1', '5'), fc.nat({ max: 100 }).map(String));
  const revision = fc.oneof(fc.constantFrom('1', '2', '3'), integerText);
  const filters = {
    asOf: fc.oneof(
      fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      asText(hostileInstant),
    ),
    tz: asText(hostileZone),
    participant: fc.constantFrom('CH', 'ch', 'Zürich delegation', 'UA', ' CH '),
    kind: fc.constantFrom(...EVENT_KINDS),
    storyId: fc.constant('STORY'),
    minPosition: position,
  };
  /** A path segment naming an aggregate: a real one, another kind's, or anything (pathIds of the write fuzz). */
  const segment = (kind: keyof typeof ids) =>
    pathIds.map((p) => {
      if ('real' in p) return ids[kind][p.real % ids[kind].length];
      if ('otherKind' in p) return ids[kind === 'story' ? 'diplomatic-event' : 'story'][p.otherKind % 2];
      if ('fresh' in p) return crypto.randomUUID(); // an id nothing has
      return p.raw;
    });
  const segmentOf = (a: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary: a.map((text) => urlText({ text })), weight: 5 }, { arbitrary: rawUrlValue.map(urlText), weight: 1 });

  const validFilters: Record<string, fc.Arbitrary<string>> = {
    asOf: fc.constantFrom('2024-03-01T00:00:00Z', '2030-01-01T00:00:00+14:00'),
    tz: fc.constantFrom('UTC', 'Europe/Zurich', 'Pacific/Chatham'),
    participant: filters.participant,
    kind: filters.kind,
    storyId: filters.storyId,
    minPosition: position,
  };
  const range = { from: fc.constantFrom('2024-03-01', '2024-02-01'), to: fc.constantFrom('2024-03-02', '2024-03-31') };
  const twoRevisions = { from: fc.constant('1'), to: fc.constant('2') };

  const ROUTES: Route[] = [
    {
      name: 'GET /timeline',
      path: fc.constant('/timeline'),
      params: { from: date, to: date, ...filters },
      clean: { ...range, ...validFilters },
      answers: 'json',
    },
    {
      name: 'GET /timeline/:date',
      path: segmentOf(date).map((d) => `/timeline/${d}`),
      params: filters,
      clean: validFilters,
      answers: 'json',
    },
    {
      name: 'GET /timeline/export/timelinejs',
      path: fc.constant('/timeline/export/timelinejs'),
      params: { from: date, to: date, group: fc.constantFrom('kind', 'participant'), ...filters },
      clean: { ...range, group: fc.constantFrom('kind', 'participant'), ...validFilters },
      answers: 'json',
    },
    {
      name: 'GET /stories/:id',
      path: segment('story').map((id) => `/stories/${id}`),
      params: { minPosition: position },
      answers: 'negotiated',
    },
    {
      name: 'GET /stories/:id/revisions',
      path: segment('story').map((id) => `/stories/${id}/revisions`),
      params: { minPosition: position },
      answers: 'json',
    },
    {
      name: 'GET /stories/:id/revisions/:n',
      path: fc.tuple(segment('story'), segmentOf(revision)).map(([id, n]) => `/stories/${id}/revisions/${n}`),
      params: { minPosition: position },
      answers: 'json',
    },
    {
      name: 'GET /stories/:id/diff',
      path: segment('story').map((id) => `/stories/${id}/diff`),
      params: { from: revision, to: revision, minPosition: position },
      clean: { ...twoRevisions, minPosition: position },
      answers: 'json',
    },
    {
      name: 'GET /diplomatic-events/:id',
      path: segment('diplomatic-event').map((id) => `/diplomatic-events/${id}`),
      params: { minPosition: position },
      answers: 'json',
    },
    {
      name: 'GET / (reader page)',
      path: fc.constant('/'),
      params: { from: date, to: date, asOf: filters.asOf, minPosition: position },
      answers: 'html',
    },
    {
      name: 'GET /stories/:id (story page)',
      path: segment('story').map((id) => `/stories/${id}`),
      params: { from: revision, to: revision, minPosition: position },
      clean: { ...twoRevisions, minPosition: position },
      answers: 'html',
    },
    { name: 'GET /timeline/stream', path: fc.constant('/timeline/stream'), params: { since: position }, answers: 'sse' },
  ];

  /**
   * The query string: all valid; valid but for one or two hostile values (so that the hostile
   * value is what the route has to deal with, not a 400 for another parameter); or any mix of
   * usual and hostile values, sometimes with a parameter repeated and stray ones.
   */
  const queries = (route: Pick<Route, 'params' | 'clean'>) =>
    route.clean
      ? fc.oneof(
          { withCrossShrink: true },
          { arbitrary: cleanValues(route.clean).map(queryText), weight: 1 },
          { arbitrary: mutatedValues(route.params, route.clean).map(queryText), weight: 3 },
          { arbitrary: mixedValues(route.params).map(queryText), weight: 1 },
        )
      : mixedValues(route.params).map(queryText);

  type Pairs = [name: string, value: UrlValue][];
  const queryText = (pairs: Pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${urlText(v)}`).join('&');

  const cleanValues = (clean: NonNullable<Route['clean']>): fc.Arbitrary<Pairs> =>
    fc
      .record(
        Object.fromEntries(
          Object.entries(clean).map(([name, v]) => [
            name,
            name === 'from' || name === 'to' ? v : fc.option(v, { nil: undefined, freq: 2 }),
          ]),
        ),
      )
      .map((values) => Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, { text: v }] as Pairs[number]])));

  const hostileValueOf = (params: Route['params']) =>
    fc.constantFrom(...Object.keys(params)).chain((name) => urlValue(params[name]).map((v) => [name, v] as Pairs[number]));

  const mutatedValues = (params: Route['params'], clean: NonNullable<Route['clean']>): fc.Arbitrary<Pairs> =>
    fc
      .tuple(cleanValues(clean), fc.array(hostileValueOf(params), { minLength: 1, maxLength: 2 }))
      .map(([pairs, hostile]) => [...pairs.filter(([name]) => !hostile.some(([h]) => h === name)), ...hostile]);

  const mixedValues = (params: Route['params']): fc.Arbitrary<Pairs> =>
    fc
      .tuple(
        fc.record(
          Object.fromEntries(
            Object.entries(params).map(([name, usual]) => [name, fc.option(urlValue(usual), { nil: undefined, freq: 3 })]),
          ) as Record<string, fc.Arbitrary<UrlValue | undefined>>,
        ),
        fc.option(fc.constantFrom(...Object.keys(params)), { nil: undefined, freq: 4 }),
        fc.array(fc.tuple(strayParamName, urlValue(fc.constant('1'))), { maxLength: 2 }),
      )
      .map(([values, repeated, stray]) => {
        const pairs: Pairs = Object.entries(values).flatMap(([name, v]) => (v ? [[name, v] as Pairs[number]] : []));
        if (repeated && values[repeated]) pairs.push([repeated, values[repeated]]);
        return [...pairs, ...stray];
      });

  /** A Last-Event-ID header value: positions, numbers Number() reads, and any bytes a header may carry (fetch takes bytes only). */
  // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: "every char fits one byte"
  const byteString = (v: string) => !/[^\x00-\xff]/.test(v);
  const lastEventIds = fc.option(
    fc.oneof(
      position,
      integerText.filter(byteString),
      fc.string({
        unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c)),
        maxLength: 24,
      }),
    ),
    { nil: undefined },
  );
  const accepts = fc.constantFrom(
    undefined,
    'application/json',
    BROWSER_ACCEPT,
    'text/html',
    '*/*',
    'text/html;q=0',
    'application/json, text/html;q=0.9',
    'image/png',
    '',
    ';;;',
  );

  // ------------------------------------------------------------ the property

  /** The answer is as documented: a JSON body (errors in `{ statusCode, error, message }`), or an HTML page. */
  const expectDocumented = (route: Route, status: number, type: string, body: string) => {
    const described = `${status} ${type} ${body.slice(0, 400)}`;
    expect({ described, ok: status >= 200 && status < 500 }).toEqual({ described, ok: true });
    if (type.startsWith('application/json')) {
      // The pages answer JSON only where no page route is reached: a path no route has (Nest's
      // 404), or one Fastify cannot decode (http/framework-errors.ts: a JSON 400).
      if (route.answers === 'html')
        expect({
          described,
          noRoute: (status === 404 && /Cannot GET/.test(body)) || (status === 400 && /not valid percent-encoded UTF-8/.test(body)),
        }).toEqual({ described, noRoute: true });
      const json = JSON.parse(body) as { statusCode?: number; message?: unknown };
      if (status >= 400) {
        expect({ described, statusCode: json.statusCode }).toEqual({ described, statusCode: status });
        expect({
          described,
          named: typeof json.message === 'string' || (Array.isArray(json.message) && json.message.every((m) => typeof m === 'string')),
        }).toEqual({ described, named: true });
      }
    } else {
      expect({ described, html: type.startsWith('text/html') && /^<!doctype html>/i.test(body) }).toEqual({ described, html: true });
      expect({ described, documented: route.answers === 'html' || route.answers === 'negotiated' }).toEqual({
        described,
        documented: true,
      });
    }
  };

  it.each(ROUTES.filter((r) => r.answers !== 'sse').map((r) => [r.name, r] as const))(
    '%s: never a 5xx; every answer is a JSON or HTML body as documented',
    async (name, route) => {
      const statuses = new Map<number, number>();
      seen.set(name, statuses);
      await fc.assert(
        fc.asyncProperty(route.path, queries(route), accepts, async (path, query, accept) => {
          const url = `${path}${query ? `?${query.replace(/STORY/g, ids.story[0])}` : ''}`;
          let req = t.http().get(url);
          const sent = route.answers === 'html' ? BROWSER_ACCEPT : route.answers === 'negotiated' ? accept : undefined;
          if (sent !== undefined) req = req.set('Accept', sent);
          const res = await req.buffer(true).parse((r, done) => {
            let text = '';
            r.setEncoding('utf8');
            r.on('data', (c: string) => (text += c));
            r.on('end', () => done(null, text));
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expectDocumented(route, res.status, String(res.headers['content-type'] ?? ''), res.body as string);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Both sides of the property, or the fuzz proves little.
      expect({ name, statuses: [...statuses.keys()].some((s) => s < 300) }).toEqual({ name, statuses: true });
      expect({ name, statuses: [...statuses.keys()].some((s) => s >= 400 && s < 500) }).toEqual({ name, statuses: true });
    },
    TIMEOUT,
  );

  it(
    'GET /timeline/stream with since and Last-Event-ID: a stream or a JSON 400, never a 5xx',
    async () => {
      const statuses = new Map<number, number>();
      seen.set('GET /timeline/stream', statuses);
      const route = ROUTES.find((r) => r.answers === 'sse')!;
      await fc.assert(
        fc.asyncProperty(queries(route), lastEventIds, async (query, lastEventId) => {
          const abort = new AbortController();
          const res = await fetch(`${base}/timeline/stream${query ? `?${query}` : ''}`, {
            headers: { Accept: 'text/event-stream', ...(lastEventId !== undefined ? { 'Last-Event-ID': lastEventId } : {}) },
            signal: abort.signal,
          });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const type = res.headers.get('content-type') ?? '';
          if (res.status === 200) {
            abort.abort(); // a stream stays open: its head is the answer
            expect(type).toBe('text/event-stream; charset=utf-8');
          } else {
            expectDocumented(route, res.status, type, await res.text());
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect([...statuses.keys()].some((s) => s === 200)).toBe(true);
      expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
    },
    TIMEOUT,
  );
});
