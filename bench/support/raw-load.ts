import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin, to as copyToStdout } from 'pg-copy-streams';
import { PgClient } from '@dateline/event-store';
import { createIndexStatements, createTableStatement, IndexDeclaration, inSessions, Table } from '@dateline/projections';

export interface RawLoad {
  /** Copying the rows into the fresh tables, each with the indexes a rebuild creates before its load. */
  readonly loadSeconds: number;
  /** The other indexes, two sessions at once, then ANALYZE: as a rebuild finishes. */
  readonly indexSeconds: number;
  readonly seconds: number;
  readonly rows: number;
}

const readWhileProjecting = (i: IndexDeclaration<string>) => i.readWhileProjecting === true;

/**
 * The raw limit of a rebuild: what PostgreSQL alone needs to hold the read models a rebuild has
 * just made. Their rows are dumped from the live tables (after the rebuild's swap) to files in
 * COPY's text format, untimed; then, timed, fresh tables are created as a rebuild creates its
 * `__next` tables (with the indexes the projections read through), each loaded with one
 * `COPY … FROM STDIN` in one session, the other indexes built and the tables analysed by the
 * rebuild's own `inSessions`, as `rebuildProjections` does. No log is read and nothing is projected: the
 * rebuild's figure divided by this one is the share of the database's own limit it reaches.
 *
 * Generated columns are computed by PostgreSQL during the load, as in a rebuild. One COPY per
 * table, where a rebuild commits one per batch of events: its commits are a few dozen, and the
 * batches are where Node's work overlaps PostgreSQL's, which this measures without.
 */
export async function rawLoad(url: string, tables: readonly Table[]): Promise<RawLoad> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-raw-load-'));
  // A plain client for the COPY streams; the rebuild's pool type for its index sessions.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const sessions = new PgClient(url, 2);
  const raw = (t: Table) => `${t.name}__raw`;
  try {
    let rows = 0;
    for (const t of tables) {
      const columns = t.columnNames.join(', ');
      await pipeline(client.query(copyToStdout(`COPY (SELECT ${columns} FROM ${t.name}) TO STDOUT`)), createWriteStream(join(dir, t.name)));
      const { rows: counted } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${t.name}`);
      rows += Number(counted[0].n);
      await client.query(`DROP TABLE IF EXISTS ${raw(t)}`);
    }

    const started = performance.now();
    for (const t of tables) {
      await client.query(createTableStatement(t, raw(t)));
      for (const statement of createIndexStatements(t, raw(t), readWhileProjecting)) await client.query(statement);
      await pipeline(
        createReadStream(join(dir, t.name)),
        client.query(copyFromStdin(`COPY ${raw(t)} (${t.columnNames.join(', ')}) FROM STDIN`)),
      );
    }
    const loaded = performance.now();
    await inSessions(
      sessions,
      tables.flatMap((t) => createIndexStatements(t, raw(t), (i) => !readWhileProjecting(i))),
    );
    await inSessions(
      sessions,
      tables.map((t) => `ANALYZE ${raw(t)}`),
    );
    const done = performance.now();
    return {
      loadSeconds: +((loaded - started) / 1000).toFixed(2),
      indexSeconds: +((done - loaded) / 1000).toFixed(2),
      seconds: +((done - started) / 1000).toFixed(2),
      rows,
    };
  } finally {
    for (const t of tables) await client.query(`DROP TABLE IF EXISTS ${raw(t)}`).catch(() => undefined);
    await Promise.all([client.end(), sessions.close()]);
    await rm(dir, { recursive: true, force: true });
  }
}
