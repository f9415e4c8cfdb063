/**
 * Logical table name -> physical name. Live tables carry their own name; a rebuild writes
 * to `<name>__next` and swaps them in when it is done (blue/green).
 */
export type TableNames = Readonly<Record<string, string>>;

export const NEXT_SUFFIX = '__next';

export function liveTables(tables: readonly { readonly name: string }[]): TableNames {
  return Object.fromEntries(tables.map((t) => [t.name, t.name]));
}

export function nextTables(tables: readonly { readonly name: string }[]): TableNames {
  return Object.fromEntries(tables.map((t) => [t.name, `${t.name}${NEXT_SUFFIX}`]));
}
