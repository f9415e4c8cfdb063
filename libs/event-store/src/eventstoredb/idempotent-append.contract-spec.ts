import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createTempDatabase } from '../testing/temp-database';
import { IdempotencyKeyReused, StoreUnavailable, WrongExpectedVersion } from '../errors';
import { ExpectedVersion } from '../event-store.port';
import { PgClient } from '../sql/pg-client';
import { PgliteClient } from '../sql/pglite-client';
import { SqlClient } from '../sql/sql-client';
import { deterministicEventId } from './deterministic-event-id';
import { IdempotencyKeys, Landed } from './idempotency-keys';
import { appendOnce, EsdbAppendTarget, findOutcome } from './idempotent-append';

/**
 * The idempotency protocol of the ESDB adapter on real SQL (PostgreSQL and PGlite), with an
 * in-memory stand-in for ESDB's streams that keeps the one rule the protocol relies on, as the
 * server's commit check has it: an append at an exact expected revision whose event ids are
 * already there, in order, from that revision on, succeeds without writing; any other append
 * at a revision that is not the stream's end is a conflict. The adapter against a real server
 * is the EventStore contract suite's job (EVENTSTORE_URL).
 */
class FakeEsdb {
  readonly streams = new Map<string, { id: string; position: number }[]>();
  private nextPosition = 1_000;
  /** Runs before each append: lets a test slip another writer in, or fail the call. */
  beforeAppend?: (stream: string) => void;
  /** Runs after an append landed: lets a test lose the answer. */
  afterAppend?: () => void;

  log(stream: string) {
    return this.streams.get(stream) ?? [];
  }

  write(stream: string, ids: string[]): Landed {
    const log = this.streams.get(stream) ?? [];
    this.streams.set(stream, log);
    for (const id of ids) log.push({ id, position: (this.nextPosition += 137) });
    return { version: log.length, firstPosition: log[log.length - ids.length].position, position: log[log.length - 1].position };
  }

  /** What the adapter's target does for one append of `count` events under `key`. */
  target(key: string, count: number): EsdbAppendTarget {
    const ids = Array.from({ length: count }, (_, i) => deterministicEventId(key, i));
    return {
      appendAt: async (stream, base) => {
        this.beforeAppend?.(stream);
        const log = this.log(stream);
        if (base === log.length) {
          const landed = this.write(stream, ids);
          this.afterAppend?.();
          return landed;
        }
        const there = log.slice(base, base + count);
        if (base < log.length && there.length === count && there.every((e, i) => e.id === ids[i])) {
          return { version: base + count, firstPosition: there[0].position, position: there[count - 1].position };
        }
        throw new WrongExpectedVersion(stream, base, log.length);
      },
      currentVersion: async (stream) => this.log(stream).length,
      findLanded: async (stream, base, n) => {
        const there = this.log(stream).slice(base, base + n);
        if (there.length !== n || !there.every((e, i) => e.id === deterministicEventId(key, i))) return undefined;
        return { version: base + n, firstPosition: there[0].position, position: there[n - 1].position };
      },
    };
  }
}

/** Keys whose next `complete` fails, as if the process died between ESDB's answer and the SQL write. */
class KeysThatCrashOnce extends IdempotencyKeys {
  crashNext = false;
  override async complete(key: string, landed: Landed): Promise<boolean> {
    if (this.crashNext) {
      this.crashNext = false;
      throw new Error('process died');
    }
    return super.complete(key, landed);
  }
}

const databases: [string, () => Promise<{ sql: SqlClient; close(): Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const sql = await PgliteClient.open();
      return { sql, close: () => sql.close() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createTempDatabase();
      const sql = new PgClient(db.url, 8);
      return { sql, close: async () => (await sql.close(), await db.drop()) };
    },
  ],
];

describe.each(databases)('ESDB idempotency keys on %s', (_name, open) => {
  let db: { sql: SqlClient; close(): Promise<void> };
  let keys: KeysThatCrashOnce;
  let esdb: FakeEsdb;
  beforeAll(async () => {
    db = await open();
    keys = new KeysThatCrashOnce(db.sql);
    await keys.migrate();
    await keys.migrate(); // a second start finds the table and changes nothing
  });
  afterAll(async () => db.close());

  const fresh = () => {
    esdb = new FakeEsdb();
    return { stream: `story-${randomUUID()}`, key: `key-${randomUUID()}` };
  };
  const append = (stream: string, key: string, expected: ExpectedVersion, count = 1, fingerprint = 'f') =>
    appendOnce(keys, esdb.target(key, count), { stream, eventCount: count, expected, key, fingerprint });

  it('appends once; a retry answers the first result and appends nothing', async () => {
    const { stream, key } = fresh();
    const first = await append(stream, key, 'no_stream', 2);
    expect(first).toMatchObject({ streamId: stream, version: 2, replayed: false });
    expect(first.firstPosition).toBeLessThan(first.position);
    const again = await append(`story-${randomUUID()}`, key, 'no_stream', 2);
    expect(again).toEqual({ ...first, replayed: true });
    expect(esdb.log(stream).map((e) => e.id)).toEqual([deterministicEventId(key, 0), deterministicEventId(key, 1)]);
    await expect(findOutcome(keys, esdb.target(key, 0), key, 'f')).resolves.toEqual({ ...first, replayed: true });
  });

  it('refuses the key with another fingerprint, in append and in findOutcome, and appends nothing', async () => {
    const { stream, key } = fresh();
    await append(stream, key, 'no_stream');
    await expect(append(stream, key, 1, 1, 'other')).rejects.toBeInstanceOf(IdempotencyKeyReused);
    await expect(findOutcome(keys, esdb.target(key, 0), key, 'other')).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(esdb.log(stream)).toHaveLength(1);
  });

  it('a conflict at an exact version answers the current version and frees the key for any request', async () => {
    const { stream, key } = fresh();
    esdb.write(stream, [randomUUID(), randomUUID()]);
    const err = await append(stream, key, 5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WrongExpectedVersion);
    expect(err).toMatchObject({ currentVersion: 2, expected: 5 });
    await expect(findOutcome(keys, esdb.target(key, 0), key, 'f')).resolves.toBeUndefined();
    await expect(append(stream, key, 2, 1, 'another request')).resolves.toMatchObject({ version: 3, replayed: false });
  });

  it('stream_exists on a stream that does not exist is a conflict at version 0 and frees the key', async () => {
    const { stream, key } = fresh();
    await expect(append(stream, key, 'stream_exists')).rejects.toMatchObject({ currentVersion: 0 });
    expect(await keys.get(key)).toBeUndefined();
  });

  it('an answer lost after the append landed: the retry (deciding on the newer version) lands nowhere new', async () => {
    const { stream, key } = fresh();
    esdb.write(stream, [randomUUID()]);
    esdb.afterAppend = () => {
      esdb.afterAppend = undefined;
      throw new StoreUnavailable(new Error('deadline exceeded'));
    };
    await expect(append(stream, key, 1, 2)).rejects.toBeInstanceOf(StoreUnavailable);
    expect(esdb.log(stream)).toHaveLength(3);
    // The caller read the stream again and now expects version 3: the recorded intent wins.
    const retry = await append(stream, key, 3, 2);
    expect(retry).toMatchObject({ streamId: stream, version: 3 });
    expect(esdb.log(stream)).toHaveLength(3);
    await expect(append(stream, key, 3, 2)).resolves.toMatchObject({ version: 3, replayed: true });
  });

  it('a crash between landing and recording is settled by findOutcome from ESDB, before anyone decides again', async () => {
    const { stream, key } = fresh();
    keys.crashNext = true;
    await expect(append(stream, key, 'no_stream')).rejects.toThrow('process died');
    const outcome = await findOutcome(keys, esdb.target(key, 0), key, 'f');
    expect(outcome).toMatchObject({ streamId: stream, version: 1, replayed: true });
    expect(outcome!.position).toBe(esdb.log(stream)[0].position);
    await expect(append(stream, key, 1)).resolves.toEqual(outcome);
    expect(esdb.log(stream)).toHaveLength(1);
  });

  it('an intent that never landed (the process died before ESDB) is taken over by the retry', async () => {
    const { stream, key } = fresh();
    esdb.beforeAppend = () => {
      esdb.beforeAppend = undefined;
      throw new StoreUnavailable(new Error('connection refused'));
    };
    await expect(append(stream, key, 'no_stream')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(findOutcome(keys, esdb.target(key, 0), key, 'f')).resolves.toBeUndefined();
    await expect(append(stream, key, 'no_stream')).resolves.toMatchObject({ version: 1, replayed: false });
    expect(esdb.log(stream)).toHaveLength(1);
  });

  it('a stale intent whose place was taken by another writer is dropped, and the retry appends at its own version', async () => {
    const { stream, key } = fresh();
    esdb.beforeAppend = () => {
      esdb.beforeAppend = undefined;
      throw new StoreUnavailable(new Error('connection refused'));
    };
    await expect(append(stream, key, 'no_stream')).rejects.toBeInstanceOf(StoreUnavailable);
    esdb.write(stream, [randomUUID()]); // someone else created the stream meanwhile
    await expect(append(stream, key, 1)).resolves.toMatchObject({ version: 2, replayed: false });
    expect(esdb.log(stream).map((e) => e.id)[1]).toBe(deterministicEventId(key, 0));
  });

  it('concurrent calls with one key append once, to one stream, and exactly one answers replayed: false', async () => {
    const { key } = fresh();
    const streams = Array.from({ length: 6 }, () => `story-${randomUUID()}`);
    const results = await Promise.all(streams.map((s) => append(s, key, 'any')));
    expect(new Set(results.map((r) => r.streamId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const total = streams.reduce((n, s) => n + esdb.log(s).length, 0);
    expect(total).toBe(1);
  });

  it('an `any` append that loses a race to another writer tries again at the new end', async () => {
    const { stream, key } = fresh();
    esdb.write(stream, [randomUUID()]);
    esdb.beforeAppend = (s) => {
      esdb.beforeAppend = undefined;
      esdb.write(s, [randomUUID()]);
    };
    await expect(append(stream, key, 'any')).resolves.toMatchObject({ version: 3, replayed: false });
    expect(esdb.log(stream)).toHaveLength(3);
  });

  it('findOutcome of an unknown key is undefined', async () => {
    fresh();
    await expect(findOutcome(keys, esdb.target('nobody', 0), `unknown-${randomUUID()}`, 'f')).resolves.toBeUndefined();
  });
});
