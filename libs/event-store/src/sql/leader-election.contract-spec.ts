import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTempDatabase, TempDatabase } from '../testing/temp-database';
import { LeaderElection } from './leader-election';
import { PgClient } from './pg-client';

const until = async (condition: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** Leases on a real PostgreSQL: one holder at a time, freed when its session dies. */
describe('advisory leases and leader election (PostgreSQL)', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase();
  });
  afterAll(async () => db.drop());

  it('gives a lease to one session at a time, and again after release', async () => {
    const a = new PgClient(db.url, 3);
    const b = new PgClient(db.url, 3);
    try {
      const lease = await a.tryLease('projector');
      expect(lease).toBeDefined();
      expect(await b.tryLease('projector')).toBeUndefined();
      expect(await b.tryLease('relay')).toBeDefined();
      await lease!.release();
      expect(await b.tryLease('projector')).toBeDefined();
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('loses the lease when its session is killed, and a standby takes over', async () => {
    const a = new PgClient(db.url, 3);
    const b = new PgClient(db.url, 3);
    const events: string[] = [];
    const election = (name: string, sql: PgClient) =>
      new LeaderElection(sql, 'relay-test', {
        retryMs: 100,
        onElected: async () => void events.push(`${name} elected`),
        onDeposed: async () => void events.push(`${name} deposed`),
      });
    const first = election('a', a);
    const second = election('b', b);
    try {
      first.start();
      await until(() => first.isLeader);
      second.start();
      await new Promise((r) => setTimeout(r, 300));
      expect(second.isLeader).toBe(false);
      // As if a's process died: PostgreSQL ends its sessions, and with them the lock.
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
      );
      await admin.end();
      await until(() => second.isLeader);
      await until(() => events.includes('a deposed'));
      expect(events.slice(0, 2)).toEqual(['a elected', events[1]]);
      expect(events).toContain('b elected');
    } finally {
      await second.stop();
      await first.stop();
      await a.close();
      await b.close();
    }
  });
});
