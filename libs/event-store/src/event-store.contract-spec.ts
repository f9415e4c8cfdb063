import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTempDatabase } from './testing/temp-database';
import { ClaimTaken, IdempotencyKeyReused, WrongExpectedVersion } from './errors';
import { EventStore, NewEvent, RecordedEvent } from './event-store.port';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { APPEND_SQL } from './postgres/schema';
import { PgClient } from './sql/pg-client';
import { PgliteClient } from './sql/pglite-client';
import { SqlClient } from './sql/sql-client';

/**
 * The contract every EventStore adapter keeps. Each adapter runs the same suite; `slowAppend`
 * appends inside a transaction that stays open for `pauseMs`, for the concurrency stress test.
 */
interface Harness {
  store: EventStore;
  slowAppend(stream: string, events: NewEvent[], pauseMs: number): Promise<void>;
  /**
   * PostgreSQL refuses an event id that is anywhere in the log. EventStoreDB checks ids only
   * against the stream appended to: the same events again at the same place are its
   * idempotent write, and it has no index to check other streams (ADR 0003).
   */
  eventIdsUniqueInLog: boolean;
  close(): Promise<void>;
}

const adapters: [string, () => Promise<Harness>][] = [
  ['PGlite', async () => postgresHarness(await PgliteClient.open())],
  [
    'PostgreSQL',
    async () => {
      const db = await createTempDatabase();
      const h = await postgresHarness(new PgClient(db.url, 24));
      return { ...h, close: async () => (await h.close(), await db.drop()) };
    },
  ],
];

// EventStoreDB runs only where a server does: no Docker and no ESDB package on our machines.
const EVENTSTORE_URL = process.env.EVENTSTORE_URL;
const ESDB_NOT_RUN =
  'EventStore contract: EventStoreDB NOT RUN (EVENTSTORE_URL is unset; set it to a server, e.g. esdb://localhost:2113?tls=false, to run this suite against it)';
if (EVENTSTORE_URL) {
  adapters.push(['EventStoreDB', () => eventStoreDbHarness(EVENTSTORE_URL)]);
} else {
  // Said in every run's output; nothing is registered, so nothing is skipped either. Written to
  // stderr directly: Jest's console.warn adds a code frame that makes a notice look like a failure.
  process.stderr.write(`${ESDB_NOT_RUN}\n`);
}

async function postgresHarness(sql: SqlClient): Promise<Harness> {
  const store = await PostgresEventStore.create(sql);
  return {
    store,
    slowAppend: (stream, events, pauseMs) =>
      sql.transaction(async (tx) => {
        await tx.query(APPEND_SQL, [stream, -1, JSON.stringify(events)]);
        await new Promise((r) => setTimeout(r, pauseMs));
      }),
    eventIdsUniqueInLog: true,
    close: async () => {
      await store.close();
      await sql.close();
    },
  };
}

/** ESDB for the events, a database of the suite's own on the local PostgreSQL for the keys. */
async function eventStoreDbHarness(url: string): Promise<Harness> {
  const db = await createTempDatabase();
  const sql = new PgClient(db.url, 8);
  const store = await EventStoreDbEventStore.create(url, sql);
  return {
    store,
    // ESDB has no transaction to hold open: the writers pause between appends instead.
    slowAppend: async (stream, events, pauseMs) => {
      await new Promise((r) => setTimeout(r, pauseMs));
      await store.append(stream, events, 'any');
    },
    eventIdsUniqueInLog: false,
    close: async () => {
      await store.close();
      await sql.close();
      await db.drop();
    },
  };
}

const ev = (type = 'Something', data: unknown = { n: 1 }): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: { editor: 'test', correlationId: randomUUID(), recordedAt: new Date().toISOString() },
});

const stream = () => `test-${randomUUID()}`;

describe.each(adapters)('EventStore contract: %s', (_name, open) => {
  let h: Harness;
  beforeAll(async () => {
    h = await open();
  });
  afterAll(async () => h.close());

  describe('append and readStream', () => {
    it('appends to a new stream and reads it back in version order', async () => {
      const s = stream();
      const r = await h.store.append(s, [ev('A', { i: 1 }), ev('B', { i: 2 })], 'no_stream');
      expect(r).toMatchObject({ streamId: s, version: 2, replayed: false });
      // Positions are opaque and have gaps: only their order is the contract.
      expect(r.firstPosition).toBeLessThan(r.position);
      const read = await h.store.readStream(s);
      expect(read.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
        ['A', 1, { i: 1 }],
        ['B', 2, { i: 2 }],
      ]);
      expect(read[0].position).toBe(r.firstPosition);
      expect(read[1].position).toBe(r.position);
    });

    it('reads an unknown stream as empty, and reads after a version', async () => {
      expect(await h.store.readStream(stream())).toEqual([]);
      const s = stream();
      await h.store.append(s, [ev(), ev(), ev()], 'no_stream');
      expect((await h.store.readStream(s, 2)).map((e) => e.streamVersion)).toEqual([3]);
    });

    it('keeps metadata and JSON data exactly', async () => {
      const s = stream();
      const e = ev('X', { text: 'Kyiv “quoted” — 😀', nested: { list: [1, null, true] } });
      await h.store.append(s, [e], 'any');
      const [read] = await h.store.readStream(s);
      expect(read.id).toBe(e.id);
      expect(read.data).toEqual(e.data);
      expect(read.metadata).toEqual(e.metadata);
    });
  });

  describe('expected version', () => {
    it('no_stream fails on an existing stream with the current version', async () => {
      const s = stream();
      await h.store.append(s, [ev()], 'no_stream');
      await expect(h.store.append(s, [ev()], 'no_stream')).rejects.toMatchObject({ currentVersion: 1 });
    });

    it('stream_exists fails on a new stream and passes on an existing one', async () => {
      const s = stream();
      await expect(h.store.append(s, [ev()], 'stream_exists')).rejects.toBeInstanceOf(WrongExpectedVersion);
      await h.store.append(s, [ev()], 'any');
      await expect(h.store.append(s, [ev()], 'stream_exists')).resolves.toMatchObject({ version: 2 });
    });

    it('an exact version must match, and a conflict appends nothing', async () => {
      const s = stream();
      await h.store.append(s, [ev(), ev()], 'no_stream');
      const err = await h.store.append(s, [ev()], 1).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WrongExpectedVersion);
      expect(err).toMatchObject({ currentVersion: 2, expected: 1 });
      expect(await h.store.readStream(s)).toHaveLength(2);
      await expect(h.store.append(s, [ev()], 2)).resolves.toMatchObject({ version: 3 });
    });

    it('of many concurrent appends at one version exactly one wins', async () => {
      const s = stream();
      await h.store.append(s, [ev()], 'no_stream');
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => h.store.append(s, [ev()], 1)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedVersion);
      expect((await h.store.readStream(s)).map((e) => e.streamVersion)).toEqual([1, 2]);
    });

    it('concurrent appends with any all land, with consecutive versions', async () => {
      const s = stream();
      await Promise.all(Array.from({ length: 8 }, () => h.store.append(s, [ev()], 'any')));
      expect((await h.store.readStream(s)).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe('ids and idempotency', () => {
    it('refuses an event id that is already in the log (PostgreSQL), or stores an event appended twice to its stream once (EventStoreDB)', async () => {
      const e = ev();
      const s = stream();
      const first = await h.store.append(s, [e], 'no_stream');
      if (h.eventIdsUniqueInLog) {
        await expect(h.store.append(stream(), [e], 'any')).rejects.toThrow();
      } else {
        // ESDB's idempotent write: the same event again at the same expected version.
        await expect(h.store.append(s, [e], 'no_stream')).resolves.toMatchObject({ version: 1, position: first.position });
      }
      expect(await h.store.readStream(s)).toHaveLength(1);
    });

    it('a retried append with the same key appends nothing and answers the first result', async () => {
      const s = stream();
      const first = await h.store.append(s, [ev()], 'no_stream', { idempotencyKey: `k-${s}`, fingerprint: 'f1' });
      const again = await h.store.append(stream(), [ev()], 'no_stream', { idempotencyKey: `k-${s}`, fingerprint: 'f1' });
      expect(again).toEqual({ ...first, replayed: true });
      expect(await h.store.readStream(s)).toHaveLength(1);
    });

    it('without a fingerprint, a retry of the same events (new ids, new metadata) is the same request', async () => {
      const s = stream();
      const key = `k-${s}`;
      const first = await h.store.append(s, [ev('A', { n: 1 })], 'no_stream', { idempotencyKey: key });
      await expect(h.store.append(s, [ev('A', { n: 1 })], 'no_stream', { idempotencyKey: key })).resolves.toEqual({
        ...first,
        replayed: true,
      });
      await expect(h.store.append(s, [ev('A', { n: 2 })], 'no_stream', { idempotencyKey: key })).rejects.toBeInstanceOf(
        IdempotencyKeyReused,
      );
    });

    it('concurrent retries with one key append once', async () => {
      const key = `k-${randomUUID()}`;
      const results = await Promise.all(
        Array.from({ length: 6 }, () => h.store.append(stream(), [ev()], 'any', { idempotencyKey: key, fingerprint: 'same' })),
      );
      expect(new Set(results.map((r) => r.streamId)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    });

    it('the same key with another request is refused and appends nothing', async () => {
      const s = stream();
      const key = `k-${s}`;
      await h.store.append(s, [ev()], 'any', { idempotencyKey: key, fingerprint: 'f1' });
      await expect(h.store.append(s, [ev()], 'any', { idempotencyKey: key, fingerprint: 'f2' })).rejects.toBeInstanceOf(
        IdempotencyKeyReused,
      );
      expect(await h.store.readStream(s)).toHaveLength(1);
    });

    it('a failed append does not use up its key', async () => {
      const s = stream();
      await h.store.append(s, [ev()], 'no_stream');
      const key = `k-${s}`;
      await expect(h.store.append(s, [ev()], 5, { idempotencyKey: key, fingerprint: 'f' })).rejects.toBeInstanceOf(WrongExpectedVersion);
      await expect(h.store.append(s, [ev()], 1, { idempotencyKey: key, fingerprint: 'f' })).resolves.toMatchObject({
        version: 2,
        replayed: false,
      });
    });
  });

  // Unique names such as story slugs (docs/adr/0010-unique-slugs.md).
  describe('claims', () => {
    const claim = () => `test-claim:${randomUUID()}`;

    it('an append takes its claims; another stream is refused, naming the holder, and appends nothing', async () => {
      const [c, first, second] = [claim(), stream(), stream()];
      await h.store.append(first, [ev()], 'no_stream', { claims: [c] });
      expect(await h.store.claimHolder(c)).toBe(first);
      const err = await h.store.append(second, [ev()], 'no_stream', { claims: [claim(), c] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ClaimTaken);
      expect(err).toMatchObject({ claim: c, holder: first });
      expect(await h.store.readStream(second)).toEqual([]);
      expect(await h.store.claimHolder(c)).toBe(first);
      expect(await h.store.claimHolder(claim())).toBeUndefined();
    });

    it('the holder may claim its own name again with a later append', async () => {
      const [c, s] = [claim(), stream()];
      await h.store.append(s, [ev()], 'no_stream', { claims: [c] });
      await expect(h.store.append(s, [ev()], 1, { claims: [c] })).resolves.toMatchObject({ version: 2 });
    });

    it('an append that fails its expected version takes no claim', async () => {
      const [c, s] = [claim(), stream()];
      await h.store.append(s, [ev()], 'no_stream');
      await expect(h.store.append(s, [ev()], 'no_stream', { claims: [c] })).rejects.toBeInstanceOf(WrongExpectedVersion);
      expect(await h.store.claimHolder(c)).toBeUndefined();
      const other = stream();
      await expect(h.store.append(other, [ev()], 'no_stream', { claims: [c] })).resolves.toMatchObject({ version: 1 });
      expect(await h.store.claimHolder(c)).toBe(other);
    });

    it('of 32 concurrent new streams claiming one name exactly one lands; the rest are told which', async () => {
      const c = claim();
      const streams = Array.from({ length: 32 }, stream);
      const results = await Promise.allSettled(streams.map((s) => h.store.append(s, [ev()], 'no_stream', { claims: [c] })));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [streams[i]] : []));
      expect(won).toHaveLength(1);
      for (const r of results)
        if (r.status === 'rejected') expect(r.reason).toMatchObject({ constructor: ClaimTaken, claim: c, holder: won[0] });
      const landed = await Promise.all(streams.map(async (s) => (await h.store.readStream(s)).length));
      expect(landed.filter((n) => n > 0)).toHaveLength(1);
      expect(await h.store.claimHolder(c)).toBe(won[0]);
    });

    it('a retry with the same idempotency key answers the first result, claims and all', async () => {
      const [c, s] = [claim(), stream()];
      const key = `k-${s}`;
      const first = await h.store.append(s, [ev()], 'no_stream', { idempotencyKey: key, fingerprint: 'f', claims: [c] });
      await expect(h.store.append(stream(), [ev()], 'no_stream', { idempotencyKey: key, fingerprint: 'f', claims: [c] })).resolves.toEqual({
        ...first,
        replayed: true,
      });
      expect(await h.store.claimHolder(c)).toBe(s);
    });
  });

  describe('the global log', () => {
    it('readAll returns appends in order, after a position, up to a limit', async () => {
      const start = await h.store.headPosition();
      const s1 = stream();
      const s2 = stream();
      await h.store.append(s1, [ev('A'), ev('B')], 'no_stream');
      await h.store.append(s2, [ev('C')], 'no_stream');
      const all = await h.store.readAll(start, 100);
      expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      const positions = all.map((e) => e.position);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(await h.store.readAll(start, 2)).toHaveLength(2);
      expect((await h.store.readAll(positions[1], 100)).map((e) => e.type)).toEqual(['C']);
      expect(await h.store.headPosition()).toBe(positions[2]);
    });

    it("backlog counts what readAll would return, up to a limit, with the first one's recordedAt", async () => {
      const start = await h.store.headPosition();
      const first = ev('A');
      await h.store.append(stream(), [first, ev('B')], 'no_stream');
      await h.store.append(stream(), [ev('C')], 'no_stream');
      expect(await h.store.backlog(start, 100)).toEqual({ events: 3, firstRecordedAt: first.metadata.recordedAt });
      expect((await h.store.backlog(start, 2)).events).toBe(2);
      expect(await h.store.backlog(await h.store.headPosition(), 100)).toEqual({ events: 0 });
    });

    it('subscribe catches up, then follows live appends', async () => {
      const start = await h.store.headPosition();
      const s = stream();
      await h.store.append(s, [ev('old')], 'no_stream');
      const seen: string[] = [];
      let resolveLive!: () => void;
      const live = new Promise<void>((r) => (resolveLive = r));
      const sub = h.store.subscribe(start, async (batch) => {
        seen.push(...batch.map((e) => e.type));
        if (seen.includes('new')) resolveLive();
      });
      await h.store.append(s, [ev('new')], 1);
      await live;
      await sub.stop();
      expect(seen).toEqual(['old', 'new']);
    });

    it('a failing handler stops the subscription with its error', async () => {
      await h.store.append(stream(), [ev()], 'any');
      const sub = h.store.subscribe(0, async () => {
        throw new Error('handler broke');
      });
      await expect(sub.done).rejects.toThrow('handler broke');
    });

    it('8 writers with pauses inside their transactions: a follower sees every event once, in order', async () => {
      const start = await h.store.headPosition();
      const seen: RecordedEvent[] = [];
      const sub = h.store.subscribe(start, async (batch) => void seen.push(...batch), { batchSize: 50, idlePollMs: 5 });

      const perWriter = 40;
      const writers = Array.from({ length: 8 }, async (_, w) => {
        const s = stream();
        for (let i = 0; i < perWriter; i++) {
          const events = [ev('Stress', { w, i, part: 0 }), ...(i % 5 === 0 ? [ev('Stress', { w, i, part: 1 })] : [])];
          await h.slowAppend(s, events, Math.random() < 0.3 ? Math.floor(Math.random() * 15) : 0);
        }
        return s;
      });
      const streams = await Promise.all(writers);
      const expected = (await h.store.readAll(start, 100_000)).filter((e) => e.type === 'Stress');
      expect(expected).toHaveLength(8 * (perWriter + perWriter / 5));

      const head = expected[expected.length - 1].position;
      while (!seen.some((e) => e.position >= head)) await new Promise((r) => setTimeout(r, 10));
      await sub.stop();

      const stress = seen.filter((e) => e.type === 'Stress');
      // Exactly once: no event missing, none twice.
      expect(stress.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      expect(new Set(stress.map((e) => e.id)).size).toBe(stress.length);
      // In log order, and each writer's events in the order it committed them.
      const positions = seen.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for (const s of streams) {
        const versions = stress.filter((e) => e.streamId === s).map((e) => e.streamVersion);
        expect(versions).toEqual(versions.map((_, i) => i + 1));
      }
    });
  });
});
