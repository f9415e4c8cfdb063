import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { story } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('story revisions and diffs', () => {
  let t: TestApp;
  let id: string;
  let last: number;
  beforeAll(async () => {
    t = await startTestApp();
    const created = await t
      .http()
      .post('/stories')
      .set(bearer())
      .send(story({ headline: 'Talks open in Geneva', body: 'Two delegations met on Tuesday.' }))
      .expect(201);
    id = created.body.id;
    await t
      .http()
      .post(`/stories/${id}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 1, body: 'Two delegations met on Tuesday, and agreed to meet again.', changeNote: 'Added outcome' })
      .expect(201);
    const r3 = await t
      .http()
      .post(`/stories/${id}/revisions`)
      .set(bearer())
      .send({
        expectedRevision: 2,
        body: 'Two delegations met on Tuesday — and agreed to meet again!',
        changeNote: 'Punctuation',
        kind: 'correction',
      })
      .expect(201);
    last = r3.body.position;
  });
  afterAll(async () => t.close());

  it('GET /stories/:id/revisions lists every revision with editor, note and kind; punctuation-only ones are boring', async () => {
    const res = await t.http().get(`/stories/${id}/revisions?minPosition=${last}`).expect(200);
    expect(res.body.revisions).toEqual([
      expect.objectContaining({ revision: 1, kind: 'created', editor: 'alice', boring: false }),
      expect.objectContaining({ revision: 2, kind: 'update', changeNote: 'Added outcome', boring: false }),
      expect.objectContaining({ revision: 3, kind: 'correction', changeNote: 'Punctuation', boring: true }),
    ]);
    expect(res.body.revisions[0].recordedAt <= res.body.revisions[2].recordedAt).toBe(true);
  });

  it('GET /stories/:id/revisions/:n is the story as it was then', async () => {
    const r1 = await t.http().get(`/stories/${id}/revisions/1?minPosition=${last}`).expect(200);
    expect(r1.body).toMatchObject({ revision: 1, body: 'Two delegations met on Tuesday.', headline: 'Talks open in Geneva' });
    await t.http().get(`/stories/${id}/revisions/9`).expect(404);
    await t.http().get(`/stories/${id}/revisions/first`).expect(400);
  });

  it('GET /stories/:id/diff is a word diff of headline and body', async () => {
    const res = await t.http().get(`/stories/${id}/diff?from=1&to=2&minPosition=${last}`).expect(200);
    expect(res.body.boring).toBe(false);
    expect(res.body.headline).toEqual([{ value: 'Talks open in Geneva' }]);
    const added = res.body.body
      .filter((c: { added?: boolean }) => c.added)
      .map((c: { value: string }) => c.value)
      .join('');
    expect(added).toContain('agreed to meet again');
    const boring = await t.http().get(`/stories/${id}/diff?from=2&to=3`).expect(200);
    expect(boring.body.boring).toBe(true);
    await t.http().get(`/stories/${id}/diff?from=1`).expect(400);
    await t.http().get(`/stories/${id}/diff?from=1&to=7`).expect(404);
  });

  it('GET /stories/:id shows the latest revision, when it was created and last updated', async () => {
    const res = await t.http().get(`/stories/${id}?minPosition=${last}`).expect(200);
    expect(res.body).toMatchObject({ id, revision: 3, body: 'Two delegations met on Tuesday — and agreed to meet again!' });
    expect(res.body.createdAt < res.body.updatedAt).toBe(true);
  });
});
