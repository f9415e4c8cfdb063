import { describe, expect, it } from '@jest/globals';
import { SqlQueryable } from '@dateline/event-store';
import { insertRows } from './insert-rows';
import { addGeneratedColumnStatement, createIndexStatements, createTableStatement, declareTable } from './table-declaration';
import { updateRows } from './update-rows';

interface Row {
  id: string;
  n: number;
  note: string | null;
  tags: string[];
}

const TABLE = declareTable<Row>()({
  name: 'things',
  columns: { id: { type: 'uuid' }, n: { type: 'integer' }, note: { type: 'text', nullable: true }, tags: { type: 'jsonb' } },
  primaryKey: ['id'],
  indexes: [
    { on: ['n'], where: 'note IS NULL' },
    { on: ['tags'], using: 'gin' },
    { on: ['n'], using: 'gist', expression: "int4range(n, n, '[]')" },
  ],
});

/** Records the statements instead of running them: what is checked here is their text and parameter. */
function recorder(): SqlQueryable & { calls: { text: string; params?: unknown[] }[] } {
  const calls: { text: string; params?: unknown[] }[] = [];
  return {
    calls,
    query: <R>(text: string, params?: unknown[]) => {
      calls.push({ text, params });
      return Promise.resolve({ rows: [] as R[] });
    },
  };
}

describe('a table declared once', () => {
  it('gives the DDL: columns in declaration order, NOT NULL unless nullable, the key and the indexes', () => {
    expect(createTableStatement(TABLE, 'things__next')).toBe(
      'CREATE TABLE things__next (id uuid NOT NULL, n integer NOT NULL, note text, tags jsonb NOT NULL, PRIMARY KEY (id))',
    );
    expect(createIndexStatements(TABLE, 'things')).toEqual([
      'CREATE INDEX ON things (n) WHERE note IS NULL',
      'CREATE INDEX ON things USING gin (tags jsonb_path_ops)',
      "CREATE INDEX ON things USING gist ((int4range(n, n, '[]')))",
    ]);
  });

  it('puts generated columns after the others, never among the written ones, and indexes an expression with its operator class', () => {
    const searched = declareTable<Row>()({
      ...TABLE,
      generated: { words: { type: 'tsvector', expression: "to_tsvector('simple', coalesce(note, ''))" } },
      indexes: [{ on: ['note'], using: 'gin', expression: 'lower(note)', opclass: 'gin_trgm_ops' }],
    });
    expect(createTableStatement(searched, 'things')).toBe(
      "CREATE TABLE things (id uuid NOT NULL, n integer NOT NULL, note text, tags jsonb NOT NULL, words tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(note, ''))) STORED, PRIMARY KEY (id))",
    );
    expect(searched.columnNames).toEqual(['id', 'n', 'note', 'tags']);
    expect(createIndexStatements(searched, 'things')).toEqual(['CREATE INDEX ON things USING gin ((lower(note)) gin_trgm_ops)']);
    expect(addGeneratedColumnStatement('things', 'words', searched.generated!.words)).toBe(
      "ALTER TABLE things ADD COLUMN IF NOT EXISTS words tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(note, ''))) STORED",
    );
  });

  it('gives a column compared byte by byte its collation', () => {
    const sorted = declareTable<{ key: string }>()({
      name: 'sorted',
      columns: { key: { type: 'text', collate: 'C' } },
      primaryKey: ['key'],
      indexes: [],
    });
    expect(createTableStatement(sorted, 'sorted')).toBe('CREATE TABLE sorted (key text COLLATE "C" NOT NULL, PRIMARY KEY (key))');
  });

  it('writes keyed rows in declaration order, whatever order their keys were written in', async () => {
    const tx = recorder();
    await insertRows(tx, TABLE, 'things', [
      { tags: ['a'], note: null, n: 2, id: 'x' },
      { n: 3, id: 'y', tags: [], note: 'why' },
    ]);
    expect(tx.calls).toHaveLength(1);
    expect(tx.calls[0].text).toBe(
      "INSERT INTO things (id, n, note, tags) SELECT (r->>0)::uuid, (r->>1)::integer, r->>2, NULLIF(r->3, 'null') FROM jsonb_array_elements($1::jsonb) AS r",
    );
    expect(JSON.parse(tx.calls[0].params![0] as string)).toEqual([
      ['x', 2, null, ['a']],
      ['y', 3, 'why', []],
    ]);
  });

  it('writes nothing for no rows', async () => {
    const tx = recorder();
    await insertRows(tx, TABLE, 'things', []);
    await updateRows(tx, TABLE, 'things', { key: ['id'], set: ['note'] }, []);
    expect(tx.calls).toEqual([]);
  });

  it('updates by key with record types from the declaration', async () => {
    const tx = recorder();
    await updateRows(tx, TABLE, 'things', { key: ['id'], set: ['note'] }, [{ id: 'x', note: 'now' }]);
    expect(tx.calls[0].text.replace(/\s+/g, ' ')).toBe(
      'UPDATE things AS t SET note = c.note FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, note text) WHERE t.id = c.id',
    );
  });

  it('refuses a key or index on a column it does not have', () => {
    expect(() =>
      declareTable<Row>()({
        name: 'bad',
        columns: TABLE.columns,
        primaryKey: ['id'],
        indexes: [{ on: ['missing' as 'id'] }],
      }),
    ).toThrow('table bad: no column missing');
  });

  it('is checked by the compiler against the row type', () => {
    // Each marked line is a compile error (the type-check of `npm test` fails without the directive).
    const missing = declareTable<Row>()({
      name: 'missing_column',
      // @ts-expect-error tags has no column
      columns: { id: { type: 'uuid' }, n: { type: 'integer' }, note: { type: 'text', nullable: true } },
      primaryKey: ['id'],
      indexes: [],
    });
    declareTable<Row>()({
      name: 'wrong_types',
      columns: {
        id: { type: 'uuid' },
        // @ts-expect-error a number field cannot be a text column
        n: { type: 'text' },
        // @ts-expect-error a nullable field must be a nullable column
        note: { type: 'text' },
        tags: { type: 'jsonb' },
      },
      primaryKey: ['id'],
      indexes: [],
    });
    declareTable<Row>()({
      name: 'extra_column',
      columns: {
        id: { type: 'uuid' },
        n: { type: 'integer' },
        note: { type: 'text', nullable: true },
        tags: { type: 'jsonb' },
        // @ts-expect-error the row has no field extra
        extra: { type: 'text' },
      },
      primaryKey: ['id'],
      indexes: [],
    });
    // At run time the declaration has exactly the columns given, in order: the order of the DDL and of every row.
    expect(missing.columnNames).toEqual(['id', 'n', 'note']);
  });
});
