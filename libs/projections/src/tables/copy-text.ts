import { SqlType, TableDeclaration } from './table-declaration';

/** COPY's text format spells SQL NULL so; a text value `\N` is sent as `\\N`, so the two cannot meet. */
const NULL_FIELD = '\\N';

/** The characters COPY's text format gives a meaning (escape, column and row separators), and those refused below. */
const NEEDS_CARE = /[\\\t\n\r\0\ud800-\udfff]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A UTF-16 surrogate without its other half: no UTF-8 spelling exists for it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * A value no text column can hold. The INSERT path refuses the same values (its jsonb parameter
 * cannot spell them), so a rebuild by COPY quarantines the event the live projector would; the
 * write side refuses them before they reach the log anyway.
 */
export class UnstorableText extends Error {}

/**
 * A string as one field of COPY's text format: backslash, tab, newline and carriage return
 * escaped, everything else as it is (sent as UTF-8). A NUL or a lone surrogate is refused: a
 * text column cannot hold a NUL, and a lone surrogate would reach PostgreSQL as U+FFFD, a
 * different text than the event's.
 */
export function copyTextField(s: string): string {
  // Most values have none of these: one scan, no copy.
  if (!NEEDS_CARE.test(s)) return s;
  if (s.includes('\0')) throw new UnstorableText('a text value holds a NUL character, which PostgreSQL text cannot store');
  if (LONE_SURROGATE.test(s)) throw new UnstorableText('a text value holds a lone UTF-16 surrogate, which has no UTF-8 form');
  return s.replace(ESCAPED, (c) => ESCAPES[c]);
}

/**
 * One value as a field, as the INSERT path stores it (insert-rows.ts): null and undefined are
 * NULL, and so is JSON's null in a jsonb column; a jsonb value is its JSON text; a Date its ISO
 * instant, as JSON.stringify writes it; a number that JSON cannot spell (NaN, ±Infinity) NULL,
 * as JSON.stringify makes it null.
 */
export function copyField(type: SqlType, value: unknown): string {
  if (value === null || value === undefined) return NULL_FIELD;
  if (type === 'jsonb') return copyTextField(JSON.stringify(value));
  switch (typeof value) {
    case 'string':
      return copyTextField(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : NULL_FIELD;
    case 'boolean':
      return value ? 't' : 'f';
    default:
      // A Date gives its ISO string; anything else its JSON text, as `r->>i` reads an object.
      return copyTextField(value instanceof Date ? value.toISOString() : JSON.stringify(value));
  }
}

/**
 * Rows as COPY's text format input: one line per row, its fields tab-separated in the table's
 * declaration order (the column list of `copyStatement`). Built whole before the COPY starts,
 * so that a value refused here fails the batch before anything is sent.
 */
export function copyTextRows<Row>(table: TableDeclaration<Row>, rows: readonly Row[]): string {
  const names = table.columnNames;
  const types = names.map((name) => table.columns[name].type);
  const lines = new Array<string>(rows.length);
  // Plain loops, as in insert-rows.ts: this runs for every row of a rebuild.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let line = copyField(types[0], row[names[0]]);
    for (let j = 1; j < names.length; j++) line += '\t' + copyField(types[j], row[names[j]]);
    lines[i] = line;
  }
  return lines.join('\n') + '\n';
}

/** The COPY statement for a table under its physical name, columns in declaration order. */
export function copyStatement(table: { readonly columnNames: readonly string[] }, physical: string): string {
  return `COPY ${physical} (${table.columnNames.join(', ')}) FROM STDIN`;
}
