import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { story } from '../support/fixtures';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { bearer, startTestApp, TestApp } from '../support/test-app';

const EDITORS = 32;

/**
 * 32 editors revise one story at the same moment, on PostgreSQL. Each starts from the revision
 * it read; the loser of every race gets a 409 with the current revision, reads again and
 * retries. In the end every editor's change is in the story exactly once: no lost update.
 */
describe('32 editors racing on one story (PostgreSQL)', () => {
  let db: TempDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTempDatabase();
    t = await startTestApp({ databaseUrl: db.url, inMemory: false });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('lets exactly one of 32 simultaneous revisions of the same revision win; every loser gets 409 with the current revision', async () => {
    const s = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ slug: 'race-once' }))
        .expect(201)
    ).body;
    const answers = await Promise.all(
      Array.from({ length: EDITORS }, (_, i) =>
        t
          .http()
          .post(`/stories/${s.id}/revisions`)
          .set(bearer())
          .send({ expectedRevision: 1, body: `Body by editor ${i}`, changeNote: `editor ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(EDITORS - 1);
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.currentVersion).toBe(2);
    const revisions = (
      await t
        .http()
        .get(`/stories/${s.id}/revisions?minPosition=${Math.max(...answers.filter((a) => a.status === 201).map((a) => a.body.position))}`)
        .expect(200)
    ).body;
    expect(revisions.revisions).toHaveLength(2);
  });

  it('loses no update when every editor retries after a 409 until its change lands', async () => {
    const s = (
      await t
        .http()
        .post('/stories')
        .set(bearer())
        .send(story({ slug: 'race-all' }))
        .expect(201)
    ).body;
    let conflicts = 0;
    const editor = async (i: number) => {
      // Every editor starts from the revision it read; a 409 says which revision is current now.
      let current = (await t.http().get(`/stories/${s.id}?minPosition=${s.position}`).expect(200)).body.revision as number;
      for (;;) {
        const res = await t
          .http()
          .post(`/stories/${s.id}/revisions`)
          .set(bearer())
          .send({ expectedRevision: current, body: `Body after editor ${i}`, changeNote: `change by editor ${i}` });
        if (res.status === 201) return res.body.position as number;
        expect(res.status).toBe(409);
        expect(res.body.currentVersion).toBeGreaterThan(current);
        current = res.body.currentVersion;
        conflicts++;
      }
    };
    const positions = await Promise.all(Array.from({ length: EDITORS }, (_, i) => editor(i)));
    const log = await t.storage.store.readStream(`story-${s.id}`);
    expect(log).toHaveLength(1 + EDITORS);
    expect(log.map((e) => e.streamVersion)).toEqual(Array.from({ length: 1 + EDITORS }, (_, i) => i + 1));
    const notes = log
      .slice(1)
      .map((e) => (e.data as { changeNote: string }).changeNote)
      .sort();
    expect(notes).toEqual(Array.from({ length: EDITORS }, (_, i) => `change by editor ${i}`).sort());
    expect(conflicts).toBeGreaterThan(0);
    const read = (
      await t
        .http()
        .get(`/stories/${s.id}/revisions?minPosition=${Math.max(...positions)}`)
        .expect(200)
    ).body;
    expect(read.revisions).toHaveLength(1 + EDITORS);
  }, 180_000);
});
