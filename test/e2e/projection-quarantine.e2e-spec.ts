import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { diplomaticEventStream, EVENT_CATALOGUE } from '@dateline/domain';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { readModelsAndRebuild } from '../support/read-models-vs-rebuild';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { ADMIN_TOKEN, bearer, startTestApp, TestApp } from '../support/test-app';

interface Quarantined {
  projection: string;
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  error: string;
  sqlState: string | null;
  waitsBehind: number | null;
  status: string;
}

// Issue 13: one event a projection cannot apply must not stop the read side (ADR 0008).
describe.each(['PGlite', 'PostgreSQL'])('projection quarantine, on %s', (storage) => {
  let t: TestApp;
  let db: TempDatabase | undefined;
  beforeAll(async () => {
    db = storage === 'PostgreSQL' ? await createTempDatabase() : undefined;
    // Reads straight from the tables: a retry changes them under an unchanged position (ADR 0006).
    t = await startTestApp({ ...(db ? { databaseUrl: db.url } : {}), env: { DATELINE_READ_CACHE_ENTRIES: '0' } });
  });
  afterAll(async () => {
    await t.close();
    await db?.drop();
  });

  const admin = () => bearer(ADMIN_TOKEN);
  const quarantine = async (status?: string): Promise<Quarantined[]> =>
    (
      await t
        .http()
        .get(`/admin/quarantine${status ? `?status=${status}` : ''}`)
        .set(admin())
        .expect(200)
    ).body.events;
  const titlesOn = async (date: string, minPosition: number): Promise<string[]> => {
    const res = await t.http().get(`/timeline/${date}?minPosition=${minPosition}`).expect(200);
    // The read models got past the failing event: a read of a later write does not wait in vain.
    expect(res.headers['x-dateline-caught-up']).not.toBe('false');
    return res.body.entries.map((e: { title: string }) => e.title);
  };
  const metric = async (projection: string, status: string): Promise<number> => {
    const text = (await t.http().get('/metrics').expect(200)).text;
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`dateline_projection_quarantined_events{projection="${projection}",status="${status}"}`));
    return Number(line?.split(' ').at(-1));
  };
  const write = async (over: Record<string, unknown>) =>
    (await t.http().post('/diplomatic-events').set(bearer()).send(diplomaticEvent(over)).expect(201)).body;

  it('keeps projecting past an event the timeline cannot apply, fails readiness naming it, counts it, and applies it on retry once the fault is gone', async () => {
    // The fault: a constraint the timeline's rows for one event break, as a bad migration would.
    await t.storage.sql.query(`ALTER TABLE timeline_entries_v3 ADD CONSTRAINT no_poison CHECK (fields->>'title' <> 'Poisoned summit')`);
    await write({ title: 'Before the poison', when: onDay('2024-03-05') });
    const poisoned = await write({ title: 'Poisoned summit', when: onDay('2024-03-06') });
    const amended = (
      await t
        .http()
        .post(`/diplomatic-events/${poisoned.id}/amendments`)
        .set(bearer())
        .send({ expectedVersion: 1, changes: { summary: 'Amended after the poison' }, reason: 'r' })
        .expect(201)
    ).body;
    const after = await write({ title: 'After the poison', when: onDay('2024-03-07') });
    const s = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ slug: 'after-the-poison' }))
        .expect(201)
    ).body;

    // Later events of other streams, and the other projections, went on.
    expect(await titlesOn('2024-03-07', after.position)).toEqual(['After the poison']);
    expect(await titlesOn('2024-03-05', after.position)).toEqual(['Before the poison']);
    expect(await titlesOn('2024-03-06', after.position)).toEqual([]);
    await t.http().get(`/stories/${s.id}?minPosition=${s.position}`).expect(200);

    // Quarantined for the timeline only; its amendment waits behind it, in order.
    const listed = await quarantine();
    expect(listed).toEqual([
      expect.objectContaining({
        projection: 'timeline',
        position: poisoned.position,
        type: 'DiplomaticEventRecorded',
        streamId: `diplomatic-event-${poisoned.id}`,
        sqlState: '23514',
        waitsBehind: null,
        status: 'quarantined',
      }),
      expect.objectContaining({
        projection: 'timeline',
        position: amended.position,
        type: 'DiplomaticEventAmended',
        waitsBehind: poisoned.position,
        status: 'quarantined',
      }),
    ]);
    expect(listed[0].error).toContain('no_poison');

    const ready = await t.http().get('/health/ready').expect(503);
    expect(ready.body.details.quarantine).toMatchObject({ status: 'down', quarantined: 2 });
    expect(ready.body.details.quarantine.events[0]).toMatchObject({
      projection: 'timeline',
      eventId: listed[0].eventId,
      position: poisoned.position,
    });
    expect(ready.body.details.quarantine.reason).toContain(`event ${listed[0].eventId} at position ${poisoned.position}`);
    expect(ready.body.details.quarantine.reason).toContain('no_poison');
    expect(await metric('timeline', 'quarantined')).toBe(2);
    expect(await metric('event-history', 'quarantined')).toBe(0);

    // While the fault is there a retry changes nothing; the amendment cannot overtake its event.
    const still = await t.http().post(`/admin/quarantine/timeline/${poisoned.position}/retry`).set(admin()).send({}).expect(409);
    expect(still.body.message).toContain('still fails');
    expect(still.body.message).toContain('no_poison');
    expect(
      (await t.http().post(`/admin/quarantine/timeline/${amended.position}/retry`).set(admin()).send({}).expect(409)).body.message,
    ).toContain(`waits behind the quarantined event ${listed[0].eventId}`);
    expect(await quarantine()).toEqual(listed);

    // The fault removed, the retry applies the event and the amendment behind it.
    await t.storage.sql.query('ALTER TABLE timeline_entries_v3 DROP CONSTRAINT no_poison');
    const retried = await t.http().post(`/admin/quarantine/timeline/${poisoned.position}/retry`).set(admin()).send({}).expect(200);
    expect(retried.body.applied.map((e: Quarantined) => e.position)).toEqual([poisoned.position, amended.position]);
    expect(retried.body.remaining).toEqual([]);
    const day = await t.http().get(`/timeline/2024-03-06?minPosition=${s.position}`).expect(200);
    expect(day.body.entries).toEqual([
      expect.objectContaining({ title: 'Poisoned summit', summary: 'Amended after the poison', version: 2 }),
    ]);
    expect(await quarantine()).toEqual([]);
    expect((await t.http().get('/health/ready').expect(200)).body.details.quarantine).toMatchObject({ status: 'up', quarantined: 0 });
    expect(await metric('timeline', 'quarantined')).toBe(0);

    // Applied out of log order, the read models are still exactly what a rebuild makes.
    const { live, rebuilt } = await readModelsAndRebuild(t.storage.store, t.storage.sql);
    expect(live).toEqual(rebuilt);
  });

  it('quarantines an event PostgreSQL cannot store (occurredOn 0000-01-01, past the write side), completes a rebuild, and lets an operator skip it', async () => {
    // The issue's own reproduction: straight through the EventStore port, as no handler would let it in.
    const eventId = randomUUID();
    const logEventId = randomUUID();
    const fields = diplomaticEvent({ title: 'Year zero', when: onDay('0000-01-01') });
    const appended = await t.storage.store.append(
      diplomaticEventStream(eventId),
      [
        {
          id: logEventId,
          type: 'DiplomaticEventRecorded',
          schemaVersion: EVENT_CATALOGUE.DiplomaticEventRecorded.version,
          data: { eventId, ...fields, status: 'happened', relations: [], about: [], storyIds: [] },
          metadata: { editor: 'alice', recordedAt: new Date().toISOString() },
        },
      ],
      'no_stream',
    );
    const later = await write({ title: 'After year zero', when: onDay('2024-04-01') });
    expect(await titlesOn('2024-04-01', later.position)).toEqual(['After year zero']);

    const ready = await t.http().get('/health/ready').expect(503);
    expect(ready.body.details.quarantine.events).toEqual([
      expect.objectContaining({
        projection: 'timeline',
        eventId: logEventId,
        position: appended.position,
        error: expect.stringContaining('out of range'),
      }),
    ]);

    // A rebuild meets it too, quarantines it in its own tables and completes.
    const started = await t.http().post('/admin/rebuild').set(admin()).send({}).expect(202);
    let job = started.body;
    while (job.state === 'running') job = (await t.http().get(`/admin/rebuild/${job.id}`).set(admin()).expect(200)).body;
    expect(job).toMatchObject({ state: 'done', progress: { quarantined: 1 } });
    expect(await titlesOn('2024-04-01', later.position)).toEqual(['After year zero']);
    expect(await quarantine('quarantined')).toEqual([
      expect.objectContaining({ projection: 'timeline', eventId: logEventId, position: appended.position, sqlState: '22008' }),
    ]);
    await t.http().get('/health/ready').expect(503);

    // Bad requests name the problem and change nothing.
    expect(
      (await t.http().post(`/admin/quarantine/nope/${appended.position}/skip`).set(admin()).send({}).expect(400)).body.message,
    ).toEqual([expect.stringContaining('unknown projection nope')]);
    expect((await t.http().post('/admin/quarantine/timeline/abc/skip').set(admin()).send({}).expect(400)).body.message).toEqual([
      expect.stringContaining('position must be a positive integer'),
    ]);
    await t
      .http()
      .post(`/admin/quarantine/timeline/${appended.position + 1_000_000}/skip`)
      .set(admin())
      .send({})
      .expect(404);
    await t.http().post(`/admin/quarantine/timeline/${appended.position}/skip`).set(bearer()).send({}).expect(403);
    await t.http().get('/admin/quarantine?status=nope').set(admin()).expect(400);
    expect(await quarantine('quarantined')).toHaveLength(1);

    // Skipped: on record, no longer failing readiness; a retry says it was skipped.
    const skipped = await t.http().post(`/admin/quarantine/timeline/${appended.position}/skip`).set(admin()).send({}).expect(200);
    expect(skipped.body).toMatchObject({ eventId: logEventId, status: 'skipped', skippedAt: expect.any(String) });
    await t.http().post(`/admin/quarantine/timeline/${appended.position}/skip`).set(admin()).send({}).expect(409);
    await t.http().post(`/admin/quarantine/timeline/${appended.position}/retry`).set(admin()).send({}).expect(409);
    expect((await t.http().get('/health/ready').expect(200)).body.details.quarantine).toMatchObject({ status: 'up' });
    expect(await metric('timeline', 'skipped')).toBe(1);

    // Another rebuild meets it again and keeps the operator's decision.
    const again = await t
      .http()
      .post('/admin/rebuild')
      .set(admin())
      .send({ projections: ['timeline'] })
      .expect(202);
    job = again.body;
    while (job.state === 'running') job = (await t.http().get(`/admin/rebuild/${job.id}`).set(admin()).expect(200)).body;
    expect(job.state).toBe('done');
    expect(await quarantine()).toEqual([expect.objectContaining({ eventId: logEventId, status: 'skipped' })]);
    await t.http().get('/health/ready').expect(200);
  });
});
