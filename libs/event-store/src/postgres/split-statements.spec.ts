import { describe, expect, it } from '@jest/globals';
import { splitStatements } from './postgres-event-store';
import { EVENT_STORE_SCHEMA } from './schema';

describe('splitStatements', () => {
  it('keeps $$ function bodies whole', () => {
    const parts = splitStatements(
      'CREATE TABLE a (x int);\n-- note\nCREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND\n$$;\nSELECT 1;',
    );
    expect(parts).toHaveLength(3);
    expect(parts[1]).toContain('RETURN 1;');
  });

  it('splits the event store schema into its statements', () => {
    expect(splitStatements(EVENT_STORE_SCHEMA).map((s) => s.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'CREATE TABLE IF',
      'CREATE TABLE IF',
      'CREATE OR REPLACE',
      'CREATE OR REPLACE',
    ]);
  });
});
