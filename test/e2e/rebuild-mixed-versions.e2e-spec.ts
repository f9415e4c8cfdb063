import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { diplomaticEventStream, storyStream } from '@dateline/domain';
import type { NewEvent } from '@dateline/event-store';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { readModelsAndRebuild } from '../support/read-models-vs-rebuild';
import { startTestApp, TestApp } from '../support/test-app';

const storyId = randomUUID();
const talks = randomUUID();
const envoys = randomUUID();
const retracted = randomUUID();
const at = (time: string) => ({ editor: 'archive', recordedAt: `2025-05-16T${time}Z` });

/** A stream's events as schemaVersion 1 wrote them: the v1 data shapes, spelled out here so they stay v1 whatever the catalogue becomes. */
const V1_STREAMS: [string, NewEvent[]][] = [
  [
    storyStream(storyId),
    [
      {
        id: randomUUID(),
        type: 'StoryCreated',
        schemaVersion: 1,
        data: { storyId, slug: 'archive-talks', headline: 'Talks open', body: 'Delegations met.', developing: true, tags: [], revision: 1 },
        metadata: at('10:40:00.000'),
      },
      {
        id: randomUUID(),
        type: 'StoryRevised',
        schemaVersion: 1,
        data: { storyId, revision: 2, kind: 'update', changeNote: 'Adds the envoys', body: 'Delegations met; envoys too.' },
        metadata: at('11:55:00.000'),
      },
    ],
  ],
  ...[talks, envoys, retracted].map((eventId, i): [string, NewEvent[]] => [
    diplomaticEventStream(eventId),
    [
      {
        id: randomUUID(),
        type: 'DiplomaticEventRecorded',
        schemaVersion: 1,
        data: {
          eventId,
          title: ['Talks open in Istanbul', 'Envoys meet', 'Wrongly recorded'][i],
          kind: 'talks',
          ...(i === 1
            ? { occurredOn: '2025-05-01', occurredUntil: '2025-05-16', datePrecision: 'span', dateCertainty: 'inferred' }
            : { occurredOn: '2025-05-16', occurredAt: '2025-05-16T10:30:00Z', timezone: 'Europe/Istanbul', datePrecision: 'day' }),
          ...(i === 1 ? {} : { dateCertainty: 'explicit' }),
          participants: [{ name: 'Ukraine', country: 'UA' }],
          sources: [{ name: 'Wire', hedged: i === 1 }],
          quotes: [],
          storyIds: [storyId],
        },
        metadata: at(`11:0${i}:00.000`),
      },
      ...(i === 0
        ? [
            {
              id: randomUUID(),
              type: 'DiplomaticEventAmended',
              schemaVersion: 1,
              data: { eventId, version: 2, changes: { title: 'Talks open in Istanbul, late' }, reason: 'Wording' },
              metadata: at('12:00:00.000'),
            },
          ]
        : []),
      ...(i === 2
        ? [
            {
              id: randomUUID(),
              type: 'DiplomaticEventRetracted',
              schemaVersion: 1,
              data: { eventId, version: 2, reason: 'Duplicate' },
              metadata: at('12:30:00.000'),
            },
          ]
        : []),
    ],
  ]),
];

/**
 * v2-shaped events (the catalogue's next schema version), appended after the v1 ones. The v2
 * catalogue is wired on another branch (events-v2): at merge, this list gets a fact with an open
 * bound, one with relations and one with an about date, and the expectations below their entries.
 */
const V2_STREAMS: [string, NewEvent[]][] = [];

describe('a rebuild on PostgreSQL of a log holding v1 and v2 events', () => {
  let t: TestApp;
  let db: TempDatabase;
  let head = 0;
  beforeAll(async () => {
    db = await createTempDatabase();
    t = await startTestApp({ databaseUrl: db.url });
    for (const [stream, events] of [...V1_STREAMS, ...V2_STREAMS]) {
      const appended = await t.storage.store.append(stream, events, 'no_stream');
      head = Math.max(head, appended.position);
    }
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('projects the old events live into the v2 read models, placed and with their editorial time', async () => {
    const may16 = (await t.http().get(`/timeline/2025-05-16?minPosition=${head}`).expect(200)).body;
    expect(may16.entries.map((e: { title?: string; headline?: string }) => e.title ?? e.headline)).toEqual([
      'Talks open in Istanbul, late',
      // A v1 span is "some day between", on its last day: never on 1 May.
      'Envoys meet',
      'Talks open',
      'Talks open',
    ]);
    expect(may16.entries[1]).toMatchObject({ heading: { kind: 'between', from: '2025-05-01', until: '2025-05-16' }, dating: 'between' });
    expect((await t.http().get('/timeline/2025-05-01').expect(200)).body.entries).toEqual([]);
    const asPublished = await t.http().get('/timeline/2025-05-16?asPublished=2025-05-16T11:30:00Z').expect(200);
    expect(asPublished.body.entries.map((e: { title?: string; headline?: string }) => e.title ?? e.headline)).toEqual([
      'Talks open in Istanbul',
      'Wrongly recorded',
      'Envoys meet',
      'Talks open',
    ]);
    const story = await t.http().get(`/stories/${storyId}`).expect(200);
    expect(story.body.linkedEvents.map((e: { id: string }) => e.id)).toEqual([talks, envoys]);
  });

  it('gives the same read models as the live projection', async () => {
    const { live, rebuilt } = await readModelsAndRebuild(t.storage.store, t.storage.sql);
    // Two versions of the talks, the envoys, the retracted fact; two revisions.
    expect(live).toMatchObject({
      'timeline.timeline_entries_v2': { rows: 4 },
      'story-revisions.story_revisions_v2': { rows: 2 },
    });
    expect(rebuilt).toEqual(live);
  });
});
