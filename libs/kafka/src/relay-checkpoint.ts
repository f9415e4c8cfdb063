import type { SqlQueryable } from '@dateline/event-store';

const TABLE = 'relay_checkpoints';

/** The relay's checkpoint lives beside the projections', in the read-model database. */
export async function ensureRelayCheckpoint(sql: SqlQueryable, relay: string): Promise<void> {
  await sql.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (relay text PRIMARY KEY, position bigint NOT NULL)`);
  await sql.query(`INSERT INTO ${TABLE} (relay, position) VALUES ($1, 0) ON CONFLICT (relay) DO NOTHING`, [relay]);
}

export async function readRelayCheckpoint(sql: SqlQueryable, relay: string): Promise<number> {
  const { rows } = await sql.query<{ position: string }>(`SELECT position FROM ${TABLE} WHERE relay = $1`, [relay]);
  return Number(rows[0]?.position ?? 0);
}

/** Moves forward only: a slow writer can never take the checkpoint back. */
export async function saveRelayCheckpoint(sql: SqlQueryable, relay: string, position: number): Promise<void> {
  await sql.query(`UPDATE ${TABLE} SET position = $2 WHERE relay = $1 AND position < $2`, [relay, position]);
}
