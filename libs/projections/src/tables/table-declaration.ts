/** The PostgreSQL types read-model columns use. */
export type SqlType = 'uuid' | 'integer' | 'bigint' | 'text' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';

/**
 * The SQL types that can hold a row field of TypeScript type V: the compiler then refuses, say,
 * an `integer` column for a string field. `jsonb` holds anything.
 */
type SqlTypesFor<V> = V extends boolean
  ? 'boolean'
  : V extends number
    ? 'integer' | 'bigint'
    : V extends string | Date
      ? 'uuid' | 'text' | 'date' | 'timestamptz'
      : never;

/** One column: its SQL type, and `nullable` exactly when the row field may be null. */
export type ColumnOf<V> = { readonly type: SqlTypesFor<NonNullable<V>> | 'jsonb'; readonly collate?: 'C' } & (null extends V
  ? { readonly nullable: true }
  : { readonly nullable?: never });

export interface Column {
  readonly type: SqlType;
  readonly nullable?: boolean;
  /**
   * `C`: compared byte by byte, as JavaScript compares strings. For keys that order rows in SQL
   * and in the service alike (a page's keyset): the database's default collation may ignore
   * punctuation.
   */
  readonly collate?: 'C';
}

/**
 * A secondary index. GIN indexes are over jsonb arrays, with `jsonb_path_ops` (containment only,
 * smaller), or over an `expression` (a text search vector, trigrams of a text); GiST ones over
 * an `expression` of range type (what overlaps what).
 */
export interface IndexDeclaration<K extends string> {
  /** The columns it indexes, or those its `expression` reads. */
  readonly on: readonly K[];
  readonly using?: 'gin' | 'gist';
  /**
   * SQL over the `on` columns, indexed instead of them: a query uses the index only where it
   * writes the same expression.
   */
  readonly expression?: string;
  /** The operator class of an `expression` (`gin_trgm_ops`: trigram likeness of a text); the type's default otherwise. */
  readonly opclass?: string;
  /** A partial index's condition, in SQL over the table's columns. */
  readonly where?: string;
  /**
   * The projection itself reads through it as it writes (an amendment finds the version it
   * closes, a reorder its heading's rows). A rebuild creates such an index before loading the
   * table, so that those reads stay index lookups however far the load has come; the others
   * it builds once, after the load.
   */
  readonly readWhileProjecting?: boolean;
}

/**
 * A column PostgreSQL computes from the row itself (GENERATED ALWAYS AS … STORED): never
 * written by the projections, so rows staged, inserted and copied are the same without it, and
 * a rebuild computes it as the live table did. For what reads need precomputed (a search vector).
 */
export interface GeneratedColumn {
  readonly type: 'tsvector' | 'text';
  /** SQL over the row's columns, of immutable functions only. */
  readonly expression: string;
}

/** What generic code (schema, rebuild, flush) needs of any table. */
export interface Table {
  /** The logical name; the physical one is the same, or `<name>__next` in a rebuild (table-names.ts). */
  readonly name: string;
  readonly columns: Readonly<Record<string, Column>>;
  /** The column names in declaration order: the order of the DDL and of every row written. */
  readonly columnNames: readonly string[];
  readonly primaryKey: readonly string[];
  readonly indexes: readonly IndexDeclaration<string>[];
  /** Generated columns by name, after the others in the DDL; not in columnNames (nothing writes them). */
  readonly generated?: Readonly<Record<string, GeneratedColumn>>;
}

/** A read-model table declared once for rows of type Row: its DDL, column list and flushed rows all come from here. */
export interface TableDeclaration<Row> extends Table {
  readonly columns: { readonly [K in keyof Row & string]-?: ColumnOf<Row[K]> };
  readonly columnNames: readonly (keyof Row & string)[];
  readonly primaryKey: readonly (keyof Row & string)[];
  readonly indexes: readonly IndexDeclaration<keyof Row & string>[];
}

/**
 * Declares a table for rows of type Row. Every field of Row must have a column and no column may
 * be missing from Row (a compile error otherwise), and each column's SQL type must be able to
 * hold its field. Curried so that Row is written once and the rest is checked against it:
 * `declareTable<RevisionRow>()({ name: 'story_revisions', columns: {...}, ... })`.
 */
export function declareTable<Row>() {
  return (declaration: Omit<TableDeclaration<Row>, 'columnNames'>): TableDeclaration<Row> => {
    const columnNames = Object.keys(declaration.columns) as (keyof Row & string)[];
    for (const key of [...declaration.primaryKey, ...declaration.indexes.flatMap((i) => i.on)])
      if (!columnNames.includes(key)) throw new Error(`table ${declaration.name}: no column ${key}`);
    return { ...declaration, columnNames };
  };
}

/** The CREATE TABLE statement, with the primary key, under a physical name. */
export function createTableStatement(table: Table, physical: string): string {
  const columns = table.columnNames.map((name) => {
    const c = table.columns[name];
    return `${name} ${c.type}${c.collate ? ` COLLATE "${c.collate}"` : ''}${c.nullable ? '' : ' NOT NULL'}`;
  });
  const generated = Object.entries(table.generated ?? {}).map(([name, g]) => generatedColumn(name, g));
  return `CREATE TABLE ${physical} (${[...columns, ...generated, `PRIMARY KEY (${table.primaryKey.join(', ')})`].join(', ')})`;
}

function generatedColumn(name: string, g: GeneratedColumn): string {
  return `${name} ${g.type} GENERATED ALWAYS AS (${g.expression}) STORED`;
}

/**
 * The statement that adds a generated column to a table created before it was declared: the
 * table is rewritten once, its rows' values computed, nothing projected again.
 */
export function addGeneratedColumnStatement(physical: string, name: string, g: GeneratedColumn): string {
  return `ALTER TABLE ${physical} ADD COLUMN IF NOT EXISTS ${generatedColumn(name, g)}`;
}

/**
 * The secondary indexes' CREATE INDEX statements, or those of the indexes `which` keeps: a
 * rebuild runs those the projection reads through before loading the rows, the rest after.
 */
export function createIndexStatements(
  table: Table,
  physical: string,
  which: (index: IndexDeclaration<string>) => boolean = () => true,
): string[] {
  return table.indexes.filter(which).map((index) => {
    const keys = index.expression
      ? [`(${index.expression})${index.opclass ? ` ${index.opclass}` : ''}`]
      : index.on.map((column) => (index.using === 'gin' ? `${column} jsonb_path_ops` : column));
    return `CREATE INDEX ON ${physical}${index.using ? ` USING ${index.using}` : ''} (${keys.join(', ')})${index.where ? ` WHERE ${index.where}` : ''}`;
  });
}
