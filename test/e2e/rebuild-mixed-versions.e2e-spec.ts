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

const proposal = randomUUID();
const hosts = randomUUID();
const ceasefire = randomUUID();

/** A diplomatic event's data at schema version 2, with what it leaves to the defaults spelled out. */
const v2Recorded = (eventId: string, title: string, over: Record<string, unknown>, time: string): NewEvent => ({
  id: randomUUID(),
  type: 'DiplomaticEventRecorded',
  schemaVersion: 2,
  data: {
    eventId,
    title,
    kind: 'statement',
    status: 'happened',
    relations: [],
    about: [],
    participants: [{ name: 'Ukraine', country: 'UA' }],
    sources: [{ attribution: 'named-source', name: 'Wire' }],
    quotes: [],
    storyIds: [storyId],
    ...over,
  },
  metadata: at(time),
});

/**
 * v2 events appended after the v1 ones: a fact with an open bound, one whose relation puts it
 * before the (v1) talks, and one with an about date and its own editorial time.
 */
const V2_STREAMS: [string, NewEvent[]][] = [
  [
    diplomaticEventStream(proposal),
    [
      v2Recorded(
        proposal,
        'Ceasefire proposed on or before 16 May',
        { kind: 'proposal', when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' } },
        '13:00:00.000',
      ),
    ],
  ],
  [
    diplomaticEventStream(hosts),
    [
      v2Recorded(
        hosts,
        'Hosts meet the delegations',
        {
          kind: 'meeting',
          when: { precision: 'day', on: '2025-05-16', wording: 'earlier in the day', timezone: 'Europe/Istanbul', certainty: 'explicit' },
          relations: [{ relation: 'before', fact: talks }],
        },
        '13:01:00.000',
      ),
    ],
  ],
  [
    diplomaticEventStream(ceasefire),
    [
      v2Recorded(
        ceasefire,
        'Allies call for a ceasefire',
        {
          when: { precision: 'day', on: '2025-05-10', certainty: 'explicit' },
          about: [{ label: 'ceasefire proposed to start', date: { precision: 'day', on: '2025-05-12', certainty: 'explicit' } }],
          publishedAt: '2025-05-16T12:45:00Z',
        },
        '13:02:00.000',
      ),
    ],
  ],
];

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
      // A v2 fact said to come before the v1 talks is ordered before them, although recorded later.
      'Hosts meet the delegations',
      'Talks open in Istanbul, late',
      // A v1 span is "some day between", on its last day: never on 1 May.
      'Envoys meet',
      // A v2 open bound sits on its bound, under its own heading after "between".
      'Ceasefire proposed on or before 16 May',
      'Talks open',
      'Talks open',
    ]);
    expect(may16.entries[2]).toMatchObject({ heading: { kind: 'between', from: '2025-05-01', until: '2025-05-16' }, dating: 'between' });
    expect(may16.entries[3]).toMatchObject({ id: proposal, heading: { kind: 'on-or-before', day: '2025-05-16' }, dating: 'on-or-before' });
    // The v2 about date is an entry on its own day, with the fact's editorial time.
    const may12 = (await t.http().get('/timeline/2025-05-12').expect(200)).body;
    expect(may12.entries).toEqual([
      expect.objectContaining({
        type: 'about-date',
        id: `${ceasefire}/about/0`,
        fact: ceasefire,
        label: 'ceasefire proposed to start',
        publishedAt: '2025-05-16T12:45:00.000Z',
      }),
    ]);
    expect((await t.http().get('/timeline/2025-05-10').expect(200)).body.entries).toEqual([
      expect.objectContaining({ id: ceasefire, recordedAt: '2025-05-16T13:02:00.000Z', publishedAt: '2025-05-16T12:45:00.000Z' }),
    ]);
    expect((await t.http().get('/timeline/2025-05-01').expect(200)).body.entries).toEqual([]);
    const asPublished = await t.http().get('/timeline/2025-05-16?asPublished=2025-05-16T11:30:00Z').expect(200);
    expect(asPublished.body.entries.map((e: { title?: string; headline?: string }) => e.title ?? e.headline)).toEqual([
      'Talks open in Istanbul',
      'Wrongly recorded',
      'Envoys meet',
      'Talks open',
    ]);
    const story = await t.http().get(`/stories/${storyId}`).expect(200);
    expect(story.body.linkedEvents.map((e: { id: string }) => e.id)).toEqual([ceasefire, hosts, talks, envoys, proposal]);
  });

  it('gives the same read models as the live projection', async () => {
    const { live, rebuilt } = await readModelsAndRebuild(t.storage.store, t.storage.sql);
    // Two versions of the talks, the envoys, the retracted fact, the three v2 facts and the about date; two revisions.
    expect(live).toMatchObject({
      'timeline.timeline_entries_v3': { rows: 8 },
      'story-revisions.story_revisions_v3': { rows: 2 },
    });
    expect(rebuilt).toEqual(live);
  });
});
