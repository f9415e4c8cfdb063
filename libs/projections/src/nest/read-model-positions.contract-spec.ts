import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamicModule, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DatelineEvent, diplomaticEventDecider, diplomaticEventStream, EVENT_CATALOGUE, storyDecider, storyStream } from '@dateline/domain';
import { EVENT_STORE, EventStore, PgliteClient, PostgresEventStore, SQL_CLIENT, SqlQueryable } from '@dateline/event-store';
import { Projection } from '../projection';
import { EventHistoryProjection } from '../read-models/event-history/event-history.projection';
import { EVENT_HISTORY_READ_MODEL } from '../read-models/event-history/event-history.table';
import { StoryRevisionsProjection } from '../read-models/story-revisions/story-revisions.projection';
import { STORY_REVISIONS_READ_MODEL } from '../read-models/story-revisions/story-revisions.table';
import { TimelineEntriesProjection } from '../read-models/timeline-entries/timeline-entries.projection';
import { TIMELINE_READ_MODEL } from '../read-models/timeline-entries/timeline-entries.table';
import { ProjectorRunner } from './projector-runner.service';
import { ProjectionsModule } from './projections.module';
import { PROJECTIONS } from './projections.tokens';
import { ReadModelPositions } from './read-model-positions.service';

/** The event history, held back at will: its first flush waits until the test opens the gate. */
class GatedEventHistory extends EventHistoryProjection {
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => (this.open = resolve));
  private reach!: () => void;
  /** Settles when the projector is inside a batch for this projection, held at the gate. */
  readonly reached = new Promise<void>((resolve) => (this.reach = resolve));

  override async flush(tx: SqlQueryable, t: Readonly<Record<string, string>>): Promise<void> {
    this.reach();
    await this.gate;
    return super.flush(tx, t);
  }

  release(): void {
    this.open();
  }
}

@Module({})
class StorageForTest {
  static with(store: EventStore, sql: PgliteClient): DynamicModule {
    return {
      module: StorageForTest,
      global: true,
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: SQL_CLIENT, useValue: sql },
      ],
      exports: [EVENT_STORE, SQL_CLIENT],
    };
  }
}

const OTHERS = [TIMELINE_READ_MODEL, STORY_REVISIONS_READ_MODEL];
/** Long enough never to run out on a slow machine: the waits that must succeed do so at once. */
const GENEROUS_MS = 20_000;
/** The waits that must fail end at this timeout: what they show is that the position is not there. */
const SHORT_MS = 50;

describe('positions per read model (ADR 0012): a read model that is behind holds back only its own reads (PGlite)', () => {
  let sql: PgliteClient;
  let store: PostgresEventStore;
  let head: number;

  async function start(runProjector: boolean, projections?: Projection[]): Promise<TestingModule> {
    let builder = Test.createTestingModule({ imports: [StorageForTest.with(store, sql), ProjectionsModule.forRoot({ runProjector })] });
    if (projections) builder = builder.overrideProvider(PROJECTIONS).useValue(projections);
    const module = await builder.compile();
    await module.init();
    return module;
  }

  /** The event history as a read model added after the fact: empty tables, checkpoint 0, replaying the whole log. */
  async function replayEventHistoryFromZero(): Promise<void> {
    await sql.query('TRUNCATE diplomatic_event_versions');
    await sql.query('UPDATE projection_checkpoints SET position = 0 WHERE projection = $1', [EVENT_HISTORY_READ_MODEL]);
  }

  beforeAll(async () => {
    sql = await PgliteClient.open();
    store = await PostgresEventStore.create(sql);
    const storyId = randomUUID();
    const eventId = randomUUID();
    const story = storyDecider.decide(
      { type: 'CreateStory', storyId, slug: 'talks', headline: 'Talks', body: 'Body.' },
      storyDecider.initialState,
    );
    const fact = diplomaticEventDecider.decide(
      {
        type: 'RecordDiplomaticEvent',
        eventId,
        fields: { title: 'Talks', kind: 'talks', when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' }, storyIds: [storyId] },
      },
      diplomaticEventDecider.initialState,
    );
    await store.append(storyStream(storyId), story.map(logged), 'no_stream');
    head = (await store.append(diplomaticEventStream(eventId), fact.map(logged), 'no_stream')).position;
    // Every read model up to date first.
    const module = await start(true);
    expect(await module.get(ReadModelPositions).waitFor(module.get(ReadModelPositions).names, head, GENEROUS_MS)).toBe(true);
    await module.close();
  });

  afterAll(async () => {
    await sql.close();
  });

  it('in the projector process: reads of the other read models do not wait while one replays from 0', async () => {
    await replayEventHistoryFromZero();
    const history = new GatedEventHistory();
    const module = await start(true, [new TimelineEntriesProjection(), new StoryRevisionsProjection(), history]);
    try {
      // The projector runs here and is inside its first batch, which only the event history needs.
      await history.reached;
      expect(module.get(ProjectorRunner).role).toBe('leader');
      const positions = module.get(ReadModelPositions);

      expect(await positions.waitFor(OTHERS, head, GENEROUS_MS)).toBe(true);
      expect(await positions.position(OTHERS)).toBe(head);
      expect(await positions.waitFor([EVENT_HISTORY_READ_MODEL], head, SHORT_MS)).toBe(false);
      expect(await positions.waitFor([TIMELINE_READ_MODEL, EVENT_HISTORY_READ_MODEL], head, SHORT_MS)).toBe(false);
      // The overall figure (health, lag, the read cache's key) is the one furthest behind.
      expect(await positions.position()).toBe(0);
      expect(Object.fromEntries(await positions.positions())).toEqual({
        [TIMELINE_READ_MODEL]: head,
        [STORY_REVISIONS_READ_MODEL]: head,
        [EVENT_HISTORY_READ_MODEL]: 0,
      });

      history.release();
      expect(await positions.waitFor([EVENT_HISTORY_READ_MODEL], head, GENEROUS_MS)).toBe(true);
      expect(await positions.position()).toBe(head);
    } finally {
      history.release();
      await module.close();
    }
    const { rows } = await sql.query<{ n: string }>('SELECT count(*) AS n FROM diplomatic_event_versions');
    expect(Number(rows[0].n)).toBe(1);
  });

  it('in a process without the projector: the same, from the checkpoints another process commits', async () => {
    await replayEventHistoryFromZero();
    const module = await start(false);
    try {
      const positions = module.get(ReadModelPositions);
      expect(module.get(ProjectorRunner).role).toBe('off');
      expect(await positions.waitFor(OTHERS, head, GENEROUS_MS)).toBe(true);
      expect(await positions.position(OTHERS)).toBe(head);
      expect(await positions.waitFor([EVENT_HISTORY_READ_MODEL], head, SHORT_MS)).toBe(false);
      expect(await positions.position()).toBe(0);
      // Another process's projector catches up: the wait ends with its commit.
      const caughtUp = positions.waitFor([EVENT_HISTORY_READ_MODEL], head, GENEROUS_MS);
      await sql.query('UPDATE projection_checkpoints SET position = $1 WHERE projection = $2', [head, EVENT_HISTORY_READ_MODEL]);
      expect(await caughtUp).toBe(true);
    } finally {
      await module.close();
    }
  });
});

describe('a read without minPosition where another process projects: one checkpoint query for the reads of a moment (PGlite)', () => {
  let sql: PgliteClient;
  let module: TestingModule;
  let runner: ProjectorRunner;

  /** The checkpoint queries a client was asked, and whether the next one fails. */
  function counted() {
    const asked = { checkpoints: 0, failNext: false };
    const client: SqlQueryable = {
      query: async <R>(text: string, params?: unknown[]) => {
        if (text.includes('projection_checkpoints')) {
          asked.checkpoints++;
          if (asked.failNext) {
            asked.failNext = false;
            throw new Error('connection lost');
          }
        }
        return sql.query<R>(text, params);
      },
    };
    return { asked, positions: new ReadModelPositions(runner, client) };
  }

  beforeAll(async () => {
    sql = await PgliteClient.open();
    const store = await PostgresEventStore.create(sql);
    module = await Test.createTestingModule({
      imports: [StorageForTest.with(store, sql), ProjectionsModule.forRoot({ runProjector: false })],
    }).compile();
    await module.init();
    runner = module.get(ProjectorRunner);
    await sql.query('UPDATE projection_checkpoints SET position = 7');
  });

  afterAll(async () => {
    await module.close();
    await sql.close();
  });

  it('reads that come together share one query; position() (what a minPosition wait polls) always asks', async () => {
    const { asked, positions } = counted();
    expect(runner.role).toBe('off');
    expect(await Promise.all(Array.from({ length: 10 }, () => positions.recent(OTHERS)))).toEqual(Array(10).fill(7));
    expect(asked.checkpoints).toBe(1);
    await Promise.all([positions.position(OTHERS), positions.position(OTHERS)]);
    expect(asked.checkpoints).toBe(3);
  });

  it('never answers behind a position read since: a fresh read is the one later reads share', async () => {
    const { positions } = counted();
    expect(await positions.recent(OTHERS)).toBe(7);
    await sql.query('UPDATE projection_checkpoints SET position = 9');
    expect(await positions.position(OTHERS)).toBe(9);
    expect(await positions.recent(OTHERS)).toBe(9);
    expect(await positions.known()).toBe(9);
    await sql.query('UPDATE projection_checkpoints SET position = 7');
  });

  it('does not keep a read that failed: the next read asks again', async () => {
    const { asked, positions } = counted();
    asked.failNext = true;
    await expect(positions.recent(OTHERS)).rejects.toThrow('connection lost');
    expect(await positions.recent(OTHERS)).toBe(7);
    expect(asked.checkpoints).toBe(2);
  });
});

function logged(event: DatelineEvent) {
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: EVENT_CATALOGUE[event.type].version,
    data: event.data,
    metadata: { editor: 'spec', correlationId: randomUUID(), recordedAt: new Date().toISOString() },
  };
}
