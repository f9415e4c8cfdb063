import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEventStream, storyStream } from '@dateline/domain';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { seedIstanbul } from '../support/seed-sample';
import { bearer, created, listen, startTestApp, TestApp } from '../support/test-app';

/**
 * Diplomatic events v2 on the write side (issue 16, docs/adr/0014-diplomatic-events-v2.md):
 * relations checked against the facts of the fact's stories, editorial time checked against
 * recorded time and the story's revisions, and the sample seeded in v2.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

const refused = async (path: string, body: object, problem: RegExp): Promise<void> => {
  const res = await t.http().post(path).set(bearer()).send(body).expect(400);
  expect((res.body.message as string[]).join('\n')).toMatch(problem);
};

describe('relations', () => {
  let storyId: string;
  let other: string;
  let talks: string;
  beforeAll(async () => {
    storyId = (await created(t, '/stories', story())).id;
    other = (await created(t, '/stories', story())).id;
    talks = (await created(t, '/diplomatic-events', diplomaticEvent({ title: 'Talks', when: onDay('2024-03-05'), storyIds: [storyId] })))
      .id;
  });

  it('accepts a relation to a fact of the same story, and keeps it', async () => {
    const before = await created(
      t,
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Officials meet',
        when: onDay('2024-03-05'),
        relations: [{ relation: 'before', fact: talks }],
        storyIds: [storyId],
      }),
    );
    const read = await t.http().get(`/diplomatic-events/${before.id}?minPosition=${before.position}`).expect(200);
    expect(read.body.relations).toEqual([{ relation: 'before', fact: talks }]);
  });

  it('refuses a relation to a fact that does not exist, or shares no story, naming the facts', async () => {
    const nowhere = '00000000-0000-4000-8000-000000000000';
    await refused(
      '/diplomatic-events',
      diplomaticEvent({ title: 'Lost', relations: [{ relation: 'after', fact: nowhere }], storyIds: [storyId] }),
      new RegExp(`"Lost" \\(.+\\) is related to ${nowhere}, which is not one of the story's facts`),
    );
    await refused(
      '/diplomatic-events',
      diplomaticEvent({ title: 'Elsewhere', relations: [{ relation: 'after', fact: talks }], storyIds: [other] }),
      new RegExp(`is related to ${talks}, which is not one of the story's facts`),
    );
    await refused(
      '/diplomatic-events',
      diplomaticEvent({ title: 'No story', relations: [{ relation: 'after', fact: talks }] }),
      /it belongs to no story: add storyIds, or leave relations out/,
    );
  });

  it('refuses a cycle through the relations already recorded, and an order the dates contradict', async () => {
    const a = await created(
      t,
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Step A',
        when: onDay('2024-03-05'),
        relations: [{ relation: 'before', fact: talks }],
        storyIds: [storyId],
      }),
    );
    await refused(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Step B',
        when: onDay('2024-03-05'),
        relations: [
          { relation: 'after', fact: talks },
          { relation: 'before', fact: a.id },
        ],
        storyIds: [storyId],
      }),
      /the relations form a cycle, so no order can hold them all: .*"Step B"/,
    );
    await refused(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Too late',
        when: onDay('2024-03-09'),
        relations: [{ relation: 'before', fact: talks }],
        storyIds: [storyId],
      }),
      /"Too late" \(.+\) comes before "Talks" \(.+\).*but .* happened on 2024-03-09 or later/,
    );
    // An amendment of the date is checked against the relations other facts have to it.
    await refused(
      `/diplomatic-events/${talks}/amendments`,
      { expectedVersion: 1, changes: { when: onDay('2024-03-01') }, reason: 'earlier' },
      /"Step A" \(.+\) comes before "Talks"/,
    );
  });
});

describe('editorial time', () => {
  it('is never after the write is recorded, and a story revision never before the revision before', async () => {
    await refused(
      '/stories',
      story({ publishedAt: '2999-01-01T00:00:00Z' }),
      /publishedAt 2999-01-01T00:00:00Z is after this write is recorded/,
    );
    const s = await created(t, '/stories', story({ publishedAt: '2025-05-16T10:40:00Z' }));
    await refused(
      `/stories/${s.id}/revisions`,
      { expectedRevision: 1, body: 'More.', changeNote: 'more', publishedAt: '2025-05-16T10:00:00Z' },
      /publishedAt 2025-05-16T10:00:00Z is before the previous revision's editorial time 2025-05-16T10:40:00Z: editorial time never goes backwards within a story/,
    );
    await t
      .http()
      .post(`/stories/${s.id}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 1, body: 'More.', changeNote: 'more', publishedAt: '2025-05-16T11:00:00Z' })
      .expect(201);
    const log = await t.storage.store.readStream(storyStream(s.id));
    expect(log.map((e) => (e.data as { publishedAt?: string }).publishedAt)).toEqual(['2025-05-16T10:40:00Z', '2025-05-16T11:00:00Z']);
    await refused(
      '/diplomatic-events',
      diplomaticEvent({ publishedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      /is after this write is recorded .*never in the future nor after it was recorded/,
    );
  });
});

describe('the sample', () => {
  it('seeds the fact list as v2 facts with relations by id, publication times, and the Medinsky amendment in revision 3', async () => {
    const base = await listen(t);
    const { storyId } = await seedIstanbul(base);
    const linked = (await t.http().get(`/stories/${storyId}`).expect(200)).body as { linkedEvents: { id: string; title: string }[] };
    expect(linked.linkedEvents.length).toBe(28);
    const id = (title: string) => linked.linkedEvents.find((e) => e.title === title)!.id;
    const medinsky = (
      await t
        .http()
        .get(`/diplomatic-events/${id("Putin puts aide Medinsky at the head of Russia's delegation")}`)
        .expect(200)
    ).body as { version: number; participants: { name: string }[]; relations: { fact: string }[] };
    expect(medinsky.version).toBe(2);
    expect(medinsky.participants.map((p) => p.name)).toContain('Mikhail Galuzin');
    expect(medinsky.relations).toEqual([
      { relation: 'before', fact: id('Ukrainian and Russian delegations open direct talks in Istanbul') },
    ]);
    const stream = await t.storage.store.readStream(
      diplomaticEventStream(id("Putin puts aide Medinsky at the head of Russia's delegation")),
    );
    expect(stream.map((e) => [e.schemaVersion, (e.data as { publishedAt?: string }).publishedAt])).toEqual([
      [2, '2025-05-16T11:55:00Z'],
      [2, '2025-05-16T13:10:00Z'],
    ]);
    // Seeding again writes nothing twice.
    const again = await seedIstanbul(base);
    expect(again.storyId).toBe(storyId);
  });
});
