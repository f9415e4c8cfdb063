import { SqlQueryable } from '@dateline/event-store';
import { TableDeclaration } from './table-declaration';

/**
 * Updates the `set` columns of the rows matched by their `key` columns, set-based: one
 * `UPDATE … FROM jsonb_to_recordset($1)` for all of them, its record types taken from the
 * table's declaration.
 */
export async function updateRows<Row, K extends keyof Row & string, S extends keyof Row & string>(
  tx: SqlQueryable,
  table: TableDeclaration<Row>,
  physical: string,
  columns: { readonly key: readonly K[]; readonly set: readonly S[] },
  rows: readonly Pick<Row, K | S>[],
): Promise<void> {
  if (rows.length === 0) return;
  const record = [...columns.key, ...columns.set].map((name) => `${name} ${table.columns[name].type}`);
  await tx.query(
    `UPDATE ${physical} AS t SET ${columns.set.map((name) => `${name} = c.${name}`).join(', ')}
       FROM jsonb_to_recordset($1::jsonb) AS c(${record.join(', ')})
      WHERE ${columns.key.map((name) => `t.${name} = c.${name}`).join(' AND ')}`,
    [JSON.stringify(rows)],
  );
}
