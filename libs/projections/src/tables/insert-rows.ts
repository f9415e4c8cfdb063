import { SqlQueryable } from '@dateline/event-store';
import { copyStatement, copyTextRows } from './copy-text';
import { SqlType, TableDeclaration } from './table-declaration';

/** How the INSERT reads column i of a row array, by the column's type. */
function valueAt(type: SqlType, i: number): string {
  // A JSON null stays SQL NULL, as jsonb_to_recordset made it.
  if (type === 'jsonb') return `NULLIF(r->${i}, 'null')`;
  return type === 'text' ? `r->>${i}` : `(r->>${i})::${type}`;
}

/**
 * Inserts rows with one statement, whatever their number.
 *
 * Where the transaction loads in bulk (`copyFrom`: a rebuild on a PostgreSQL server), with
 * `COPY … FROM STDIN` in its text format (copy-text.ts): PostgreSQL parses each value once, from
 * its own text, instead of a jsonb document of every row first.
 *
 * Otherwise with one INSERT and one parameter: a jsonb array of rows, each an array of values in
 * the table's declaration order. Arrays rather than keyed objects (jsonb_to_recordset): column
 * names repeated on every row were a fifth of its bytes.
 *
 * The projections stage keyed objects; only here are they laid out by position, from the one
 * declaration, so a value cannot land in another column. Both paths store the same values
 * (the rebuild e2e tests compare a COPY rebuild with the live tables byte for byte).
 */
export async function insertRows<Row>(
  tx: SqlQueryable,
  table: TableDeclaration<Row>,
  physical: string,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  if (tx.copyFrom) return tx.copyFrom(copyStatement(table, physical), copyTextRows(table, rows));
  const names = table.columnNames;
  const values = names.map((name, i) => valueAt(table.columns[name].type, i));
  await tx.query(`INSERT INTO ${physical} (${names.join(', ')}) SELECT ${values.join(', ')} FROM jsonb_array_elements($1::jsonb) AS r`, [
    JSON.stringify(rowArrays(names, rows)),
  ]);
}

/** Plain loops: this runs for every row of a rebuild, where spreads and closures per row showed in profiles. */
function rowArrays<Row>(names: readonly (keyof Row & string)[], rows: readonly Row[]): unknown[][] {
  const out = new Array<unknown[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const values = new Array<unknown>(names.length);
    for (let j = 0; j < names.length; j++) values[j] = row[names[j]];
    out[i] = values;
  }
  return out;
}
