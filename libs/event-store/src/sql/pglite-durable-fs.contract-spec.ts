import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUse } from './data-dir-lock';
import { PgliteClient } from './pglite-client';

/** PGlite on disk as the service opens it: its syncs (ADR 0009) and its one-owner lock. */
describe('PgliteClient on a data directory', () => {
  it('syncs commits in groups, syncs the WAL before a data page when a checkpoint writes one, keeps the data, and admits one owner', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'dateline-durable-')), 'pglite');
    const sql = await PgliteClient.open(dir);
    try {
      await expect(PgliteClient.open(dir)).rejects.toBeInstanceOf(DataDirInUse);
      await sql.query('CREATE TABLE facts (id serial PRIMARY KEY, text text NOT NULL)');
      const before = sql.syncStats!;
      await sql.query("INSERT INTO facts (text) VALUES ('synced')");
      await Promise.all([sql.syncCommitted(), sql.syncCommitted(), sql.syncCommitted()]);
      const after = sql.syncStats!;
      expect(after.groupSyncs).toBeGreaterThan(before.groupSyncs);
      expect(after.groupSyncs - before.groupSyncs).toBeLessThan(3);
      // Committed, not yet synced: the checkpoint's first data page must wait for that WAL.
      await sql.query("INSERT INTO facts (text) VALUES ('pending')");
      await sql.query('CHECKPOINT');
      expect(sql.syncStats!.barriers).toBeGreaterThan(after.barriers);
    } finally {
      await sql.close();
    }
    const reopened = await PgliteClient.open(dir);
    try {
      const { rows } = await reopened.query<{ text: string }>('SELECT text FROM facts ORDER BY id');
      expect(rows.map((r) => r.text)).toEqual(['synced', 'pending']);
    } finally {
      await reopened.close();
    }
  }, 180_000);

  it('has nothing to sync in memory', async () => {
    const memory = await PgliteClient.open();
    try {
      expect(memory.syncStats).toBeUndefined();
      await memory.syncCommitted();
    } finally {
      await memory.close();
    }
  });
});
