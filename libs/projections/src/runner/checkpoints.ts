import { SqlClient, SqlQueryable } from '@dateline/event-store';
import { Projection } from '../projection';
import { liveTables } from '../tables/table-names';
import { addGeneratedColumnStatement, createIndexStatements, createTableStatement, Table } from '../tables/table-declaration';
import { TEXT_SEARCH_STATEMENTS, textSearchSetupError } from '../tables/text-search';
import { QUARANTINE_TABLE, quarantineSchema } from './quarantine';

export const CHECKPOINTS_TABLE = 'projection_checkpoints';
const SCHEMA_LOCK = 0x7072_6f6a; // "proj"

/**
 * Creates the checkpoint table, what the search indexes are built with (tables/text-search.ts),
 * each projection's tables and its checkpoint row, once.
 */
export async function ensureSchema(sql: SqlClient, projections: readonly Projection[]): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${CHECKPOINTS_TABLE} (projection text PRIMARY KEY, position bigint NOT NULL)`);
    await tx.query(quarantineSchema(QUARANTINE_TABLE));
    try {
      for (const statement of TEXT_SEARCH_STATEMENTS) await tx.query(statement);
    } catch (err) {
      throw textSearchSetupError(err);
    }
    for (const p of projections) {
      const live = liveTables(p.tables);
      // One statement: a transaction's connection runs one query at a time (pg deprecates queuing more).
      const { rows } = await tx.query<{ missing: boolean }>(
        'SELECT to_regclass(t) IS NULL AS missing FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n',
        [Object.values(live)],
      );
      const missing = rows.map((r) => r.missing);
      if (missing.every(Boolean)) {
        for (const table of p.tables) {
          await tx.query(createTableStatement(table, live[table.name]));
          for (const statement of createIndexStatements(table, live[table.name])) await tx.query(statement);
        }
        // New tables start empty, so the projection starts from the beginning of the log.
        await tx.query(
          `INSERT INTO ${CHECKPOINTS_TABLE} (projection, position) VALUES ($1, 0) ON CONFLICT (projection) DO UPDATE SET position = 0`,
          [p.name],
        );
      } else if (missing.some(Boolean)) {
        throw new Error(`projection ${p.name}: some of its tables are missing (${p.tables.map((t) => t.name).join(', ')}); rebuild it`);
      } else {
        for (const table of p.tables) await addMissingGeneratedColumns(tx, table, live[table.name]);
      }
    }
  });
}

/** Adds the generated columns a table created before their declaration lacks (tables/table-declaration.ts). */
async function addMissingGeneratedColumns(tx: SqlQueryable, table: Table, physical: string): Promise<void> {
  for (const [name, column] of Object.entries(table.generated ?? {})) {
    const { rows } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2 AND NOT attisdropped',
      [physical, name],
    );
    if (rows[0].n === 0) await tx.query(addGeneratedColumnStatement(physical, name, column));
  }
}

/** Reads (and with `lock`, locks until the transaction ends) the checkpoints of these projections. */
export async function readCheckpoints(q: SqlQueryable, names: readonly string[], lock = false): Promise<Map<string, number>> {
  const { rows } = await q.query<{ projection: string; position: string }>(
    `SELECT projection, position FROM ${CHECKPOINTS_TABLE} WHERE projection = ANY($1::text[]) ORDER BY projection${lock ? ' FOR UPDATE' : ''}`,
    [names],
  );
  return new Map(rows.map((r) => [r.projection, Number(r.position)]));
}

/**
 * The position every read model has reached: the smallest checkpoint of all. For health, lag and
 * tests; a read waits only for the read models it reads (ReadModelPositions).
 */
export async function readModelPosition(q: SqlQueryable): Promise<number> {
  const { rows } = await q.query<{ p: string | null }>(`SELECT min(position) AS p FROM ${CHECKPOINTS_TABLE}`);
  return Number(rows[0]?.p ?? 0);
}
