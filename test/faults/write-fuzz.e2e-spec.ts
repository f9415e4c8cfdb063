import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { diplomaticEvent, story } from '../support/fixtures';
import {
  amendmentBodies,
  Body,
  CURRENT_VERSION,
  diplomaticEventBodies,
  FuzzRequest,
  fuzzRequests,
  PathId,
  retractionBodies,
  revisionBodies,
  serialiseBody,
  storyBodies,
} from '../support/hostile-input';
import { ADMIN_TOKEN, bearer, EDITOR_TOKEN, startTestApp, TestApp } from '../support/test-app';
import { whenCaughtUp } from '../support/when-caught-up';

/** Runs per route; the fixed seed makes a failure reproducible (fast-check prints seed and path). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_127);
const TIMEOUT = 180_000;

type Aggregate = 'story' | 'diplomatic-event';

interface Route {
  readonly name: string;
  readonly bodies: fc.Arbitrary<Body>;
  /** The aggregate named by `:id` in the path, if any. */
  readonly target?: Aggregate;
  readonly path: (id?: string) => string;
  /** The body field that takes the aggregate's current version. */
  readonly versionField?: 'expectedRevision' | 'expectedVersion';
  /** What a 201 creates, to widen the pool of real ids. */
  readonly creates?: Aggregate;
}

const ROUTES: Route[] = [
  { name: 'POST /stories', bodies: storyBodies, path: () => '/stories', creates: 'story' },
  {
    name: 'POST /stories/:id/revisions',
    bodies: revisionBodies,
    target: 'story',
    path: (id) => `/stories/${id}/revisions`,
    versionField: 'expectedRevision',
  },
  { name: 'POST /diplomatic-events', bodies: diplomaticEventBodies, path: () => '/diplomatic-events', creates: 'diplomatic-event' },
  {
    name: 'POST /diplomatic-events/:id/amendments',
    bodies: amendmentBodies,
    target: 'diplomatic-event',
    path: (id) => `/diplomatic-events/${id}/amendments`,
    versionField: 'expectedVersion',
  },
  {
    name: 'POST /diplomatic-events/:id/retraction',
    bodies: retractionBodies,
    target: 'diplomatic-event',
    path: (id) => `/diplomatic-events/${id}/retraction`,
    versionField: 'expectedVersion',
  },
];

/**
 * Issue 7, fault injection: a property-based fuzz of every write route (fast-check), on the
 * real in-process service with PGlite. Bodies mix valid and hostile shapes (wrong types, huge
 * strings, deep nesting, unknown and prototype keys, unicode and NUL, impossible dates, bad
 * zones and CAMEO codes, odd versions), with odd headers and path ids. The property, for every
 * request: never a 5xx; a 4xx changes nothing (log head, event count, idempotency keys); a 201
 * appends exactly one event at the position it answers, unless it replays an earlier answer
 * (`Idempotent-Replayed: true`), which appends nothing.
 */
describe('write API fuzz (fast-check, PGlite)', () => {
  let t: TestApp;
  const pool: Record<Aggregate, string[]> = { story: [], 'diplomatic-event': [] };
  const seen = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    t = await startTestApp();
    // Real aggregates, so that the :id routes hit existing streams much of the time.
    for (let i = 0; i < 3; i++) {
      pool.story.push(
        (
          await t
            .http()
            .post('/stories')
            .set(bearer())
            .send(story({ slug: `fuzz-seed-${i}` }))
            .expect(201)
        ).body.id,
      );
      pool['diplomatic-event'].push(
        (
          await t
            .http()
            .post('/diplomatic-events')
            .set(bearer())
            .send(diplomaticEvent({ title: `Fuzz seed ${i}` }))
            .expect(201)
        ).body.id,
      );
    }
  }, TIMEOUT);

  afterAll(async () => {
    if (process.env.FAULTS_VERBOSE) {
      for (const [route, statuses] of seen)
        console.info(
          `write-fuzz: ${route}: ${[...statuses]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${n} x ${s}`)
            .join(', ')}`,
        );
    }
    await t?.close();
  });

  const snapshot = async () => ({
    head: await t.storage.store.headPosition(),
    events: await t.storage.store.countEvents(),
    idempotencyKeys: Number((await t.storage.sql.query<{ n: string }>('SELECT count(*) AS n FROM dateline_idempotency')).rows[0].n),
  });

  // A slug belongs to one story (ADR 0010): each fresh story gets its own.
  let fresh = 0;
  const create = async (aggregate: Aggregate): Promise<string> => {
    const res =
      aggregate === 'story'
        ? await t
            .http()
            .post('/stories')
            .set(bearer())
            .send(story({ slug: `fuzz-fresh-${++fresh}` }))
            .expect(201)
        : await t
            .http()
            .post('/diplomatic-events')
            .set(bearer())
            .send(diplomaticEvent({ title: 'Fresh for the fuzz' }))
            .expect(201);
    pool[aggregate].push(res.body.id);
    return res.body.id;
  };

  const resolveId = async (pathId: PathId, aggregate: Aggregate): Promise<string> => {
    if ('real' in pathId) return pool[aggregate][pathId.real % pool[aggregate].length];
    if ('otherKind' in pathId) {
      const other = pool[aggregate === 'story' ? 'diplomatic-event' : 'story'];
      return other[pathId.otherKind % other.length];
    }
    if ('fresh' in pathId) return create(aggregate);
    return pathId.raw;
  };

  /** CURRENT_VERSION becomes the target stream's version now (1 when there is no such stream). */
  const resolveBody = async (body: Body, route: Route, id: string | undefined): Promise<Body> => {
    if (!('json' in body) || !route.versionField || body.json === null || typeof body.json !== 'object' || Array.isArray(body.json))
      return body;
    const json = body.json as Record<string, unknown>;
    if (json[route.versionField] !== CURRENT_VERSION) return body;
    const history = await t.storage.store.readStream(`${route.target}-${id}`);
    return { json: { ...json, [route.versionField]: history.at(-1)?.streamVersion ?? 1 } };
  };

  const send = (route: Route, id: string | undefined, input: FuzzRequest, body: Body) => {
    let req = t.http().post(route.path(id));
    const auth =
      input.authorization === 'editor'
        ? `Bearer ${EDITOR_TOKEN}`
        : input.authorization === 'admin'
          ? `Bearer ${ADMIN_TOKEN}`
          : input.authorization;
    if (auth !== undefined) req = req.set('Authorization', auth);
    if (input.contentType !== undefined) req = req.set('Content-Type', input.contentType);
    if (input.idempotencyKey !== undefined) req = req.set('Idempotency-Key', input.idempotencyKey);
    if (input.correlationId !== undefined) req = req.set('X-Correlation-Id', input.correlationId);
    // The bytes exactly as built: a Buffer gets no Content-Type of superagent's own, and the
    // identity serializer keeps superagent from re-encoding it by the Content-Type.
    return req.serialize((bytes: unknown) => bytes as string).send(serialiseBody(body));
  };

  it.each(ROUTES.map((r) => [r.name, r] as const))(
    '%s: never a 5xx; a 4xx changes nothing; a 201 appends',
    async (name, route) => {
      const statuses = new Map<number, number>();
      seen.set(name, statuses);
      await fc.assert(
        fc.asyncProperty(fuzzRequests(route.bodies, route.target !== undefined), async (input) => {
          const id = route.target ? await resolveId(input.pathId!, route.target) : undefined;
          const body = await resolveBody(input.body, route, id);
          const before = await snapshot();
          const res = await send(route, id, input, body);
          const after = await snapshot();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const answer = `${res.status} ${JSON.stringify(res.body).slice(0, 600)}`;

          if (res.status >= 500) throw new Error(`${name} answered ${answer}`);
          if (res.status === 201) {
            if (res.headers['idempotent-replayed'] === 'true') {
              // The first answer again: nothing appended.
              expect({ answer, state: after }).toEqual({ answer, state: before });
            } else {
              expect({ answer, events: after.events, headMoved: after.head > before.head, position: res.body.position }).toEqual({
                answer,
                events: before.events + 1,
                headMoved: true,
                position: after.head,
              });
              if (route.creates) pool[route.creates].push(res.body.id);
            }
          } else {
            // Only a 201 or a 4xx: a rejection, and a rejection changes nothing.
            expect({ answer, is4xx: res.status >= 400 && res.status < 500, state: after }).toEqual({ answer, is4xx: true, state: before });
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The fuzz must exercise both sides of the property, or it proves little.
      expect([...statuses.keys()].some((s) => s === 201)).toBe(true);
      expect([...statuses.keys()].some((s) => s >= 400 && s < 500)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'the projections took everything the fuzz wrote: read models at the head, readiness 200',
    async () => {
      await whenCaughtUp(t.storage.store, t.storage.sql, 60_000);
      const ready = await t.http().get('/health/ready');
      expect({ status: ready.status, body: ready.body }).toMatchObject({ status: 200, body: { status: 'ok' } });
    },
    TIMEOUT,
  );
});
