import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, onDay } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

/**
 * Past DATELINE_MAX_READS_IN_FLIGHT public reads being computed, the next public read that has to
 * be computed is refused at once (503, Retry-After), while writes, health, metrics, 304s and
 * kept answers are still answered. Reads with a `minPosition` ahead of the projections wait for
 * them: two such reads hold the bound of two until a write moves the projections past it,
 * without any timing.
 */
describe('load shedding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_MAX_READS_IN_FLIGHT: '2', DATELINE_MIN_POSITION_WAIT_MS: '120000' } });
  });
  afterAll(async () => t.close());

  const write = async (title: string) =>
    (
      await t
        .http()
        .post('/diplomatic-events')
        .set(bearer())
        .send(diplomaticEvent({ title, when: onDay('2019-03-04') }))
        .expect(201)
    ).body as { position: number };
  const metric = async (name: string) => {
    const text = (await t.http().get('/metrics').expect(200)).text;
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };
  const untilMetric = async (name: string, value: number) => {
    while ((await metric(name)) !== value) await new Promise((r) => setImmediate(r));
  };

  it('refuses a public read past the bound with 503 and Retry-After, and answers writes, health and metrics', async () => {
    const first = await write('Talks open');
    await t.http().get(`/timeline/2019-03-04?minPosition=${first.position}`).expect(200);
    await untilMetric('dateline_reads_in_flight', 0);

    // Two reads that wait for a position no write has reached yet: the bound of two is full.
    const waiting = [1, 2].map(() =>
      t
        .http()
        .get(`/timeline/2019-03-04?minPosition=${first.position + 1}`)
        .then((r) => r),
    );
    await untilMetric('dateline_reads_in_flight', 2);

    const shed = await t.http().get('/timeline/2019-03-04').expect(503);
    expect(shed.headers['retry-after']).toBe('1');
    expect(shed.headers['cache-control']).toBe('no-store');
    expect(shed.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(shed.body.message).toMatch(/too many reads in flight \(at most 2, DATELINE_MAX_READS_IN_FLIGHT\)/);
    await t.http().get('/').set('Accept', 'text/html').expect(503);
    expect(await metric('dateline_reads_shed_total')).toBe(2);

    await t.http().get('/health/live').expect(200);
    // The write is answered, and it releases the two waiting reads.
    const second = await write('Talks go on');
    expect(second.position).toBeGreaterThan(first.position);
    const answers = await Promise.all(waiting);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[0].body.entries.map((e: { title: string }) => e.title)).toEqual(expect.arrayContaining(['Talks open', 'Talks go on']));

    // Below the bound again, reads are answered.
    await untilMetric('dateline_reads_in_flight', 0);
    await t.http().get('/timeline/2019-03-04').expect(200);
    expect(await metric('dateline_reads_shed_total')).toBe(2);
  });

  it('sends kept answers and 304s while the bound is full, and refuses only a read it would compute', async () => {
    const { position } = await write('Ceasefire proposed');
    // The projections past the write first, so that nothing moves the kept answer below.
    await t.http().get(`/timeline/2019-03-04?minPosition=${position}`).expect(200);
    const kept = await t.http().get('/timeline/2019-03-04').expect(200);
    await untilMetric('dateline_reads_in_flight', 0);
    const shedBefore = await metric('dateline_reads_shed_total');

    const waiting = [1, 2].map(() =>
      t
        .http()
        .get(`/timeline/2019-03-04?minPosition=${position + 1}`)
        .then((r) => r),
    );
    await untilMetric('dateline_reads_in_flight', 2);

    try {
      // The bound is full, and what the instance holds is still answered: the kept day, and a 304.
      const hit = await t.http().get('/timeline/2019-03-04').expect(200);
      expect(hit.headers['x-dateline-read-cache']).toBe('hit');
      expect(hit.body).toEqual(kept.body);
      await t.http().get('/timeline/2019-03-04').set('If-None-Match', hit.headers.etag).expect(304);
      expect(await metric('dateline_reads_in_flight')).toBe(2);
      // A day nobody has read yet has to be computed: refused.
      const shed = await t.http().get('/timeline/2019-03-05').expect(503);
      expect(shed.body.message).toMatch(/too many reads in flight/);
      expect(await metric('dateline_reads_shed_total')).toBe(shedBefore! + 1);
    } finally {
      // Whatever failed above, the waiting reads are released, so that the app can close.
      await write('Ceasefire rejected');
    }
    expect((await Promise.all(waiting)).map((a) => a.status)).toEqual([200, 200]);
    await untilMetric('dateline_reads_in_flight', 0);
    await t.http().get('/timeline/2019-03-05').expect(200);
  });
});
