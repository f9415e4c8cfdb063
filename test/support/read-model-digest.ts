import { SqlQueryable } from '@dateline/event-store';
import { Projection, TableNames } from '@dateline/projections';

/** A digest of a projection's tables: every row, in primary key order. */
export async function digest(
  q: SqlQueryable,
  projection: Projection,
  tables: TableNames,
): Promise<Record<string, { rows: number; md5: string }>> {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const [logical, physical] of Object.entries(tables)) {
    // Order by the whole row text: the same rows give the same digest, whatever their physical order.
    const { rows } = await q.query<{ n: string; md5: string | null }>(
      `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM ${physical} t`,
    );
    out[`${projection.name}.${logical}`] = { rows: Number(rows[0].n), md5: rows[0].md5 ?? '' };
  }
  return out;
}
