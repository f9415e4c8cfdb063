import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { copyField, copyStatement, copyTextField, copyTextRows, UnstorableText } from './copy-text';
import { declareTable } from './table-declaration';

/**
 * How PostgreSQL reads one field of COPY's text format back (the rules of its COPY page: a
 * backslash escapes the next character, b f n r t v name control characters, `\N` alone is
 * NULL). Here to check that what we send reads back as what we meant.
 */
function readField(field: string): string | null {
  if (field === '\\N') return null;
  const named: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  let out = '';
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = field[++i];
    out += named[e] ?? e;
  }
  return out;
}

const HOSTILE = [
  'tab\there',
  'line\nbreak',
  'carriage\rreturn',
  'windows\r\nline',
  'back\\slash',
  '\\N',
  '\\.',
  'ends with a backslash\\',
  '\\\\double',
  '"double" and \'single\' quotes',
  'a;b,c|d',
  'Zürich — «Genève» 東京',
  '🇺🇦🇷🇺👩‍👩‍👧',
  'e\u0301',
  '\u202eevil',
  '\ufeffbom',
  '\u001b[31mred',
  "'); DROP TABLE timeline_entries_v3; --",
  '',
];

describe('COPY text format fields', () => {
  it.each(HOSTILE)('read back as the string sent: %j', (s) => {
    const field = copyTextField(s);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(readField(field)).toBe(s);
  });

  it('escapes exactly the backslash, tab, newline and carriage return', () => {
    expect(copyTextField('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyTextField('plain text, no escapes')).toBe('plain text, no escapes');
    // A text `\N` is not NULL once sent.
    expect(copyTextField('\\N')).toBe('\\\\N');
  });

  it('keeps every well-formed string without a NUL, whatever it holds', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\0'));
    const withSpecials = fc
      .array(fc.constantFrom('\\', '\t', '\n', '\r', 'N', '.', 'é', '👩‍👧', 'x'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(text, withSpecials), (s) => {
        const field = copyTextField(s);
        return !/[\t\n\r]/.test(field) && readField(field) === s;
      }),
    );
  });

  it('refuses a NUL and a lone surrogate, naming the problem', () => {
    expect(() => copyTextField('nul\u0000inside')).toThrow(UnstorableText);
    expect(() => copyTextField('nul\u0000inside')).toThrow(/NUL/);
    expect(() => copyTextField('\ud800')).toThrow(/lone UTF-16 surrogate/);
    expect(() => copyTextField('lone \udfff low')).toThrow(/lone UTF-16 surrogate/);
    expect(() => copyTextField('pair 😀 then lone \ud83d')).toThrow(/lone UTF-16 surrogate/);
    // A pair is one character, not a lone half.
    expect(copyTextField('😀')).toBe('😀');
  });
});

describe('COPY text format values, as the INSERT path stores them', () => {
  it('writes NULL for null and undefined, and for JSON null in a jsonb column', () => {
    expect(copyField('text', null)).toBe('\\N');
    expect(copyField('integer', undefined)).toBe('\\N');
    expect(copyField('jsonb', null)).toBe('\\N');
  });

  it('writes jsonb as its JSON text, escaped like any text', () => {
    const value = { quote: 'say "hi"\n', path: 'C:\\dir', tab: '\t' };
    const field = copyField('jsonb', value);
    expect(field).not.toMatch(/[\t\n\r]/);
    expect(JSON.parse(readField(field)!)).toEqual(value);
    expect(copyField('jsonb', ['a', 'b'])).toBe('["a","b"]');
  });

  it('writes numbers, booleans and instants as PostgreSQL reads them', () => {
    expect(copyField('bigint', 1234567890123)).toBe('1234567890123');
    expect(copyField('integer', Number.NaN)).toBe('\\N');
    expect(copyField('boolean', true)).toBe('t');
    expect(copyField('boolean', false)).toBe('f');
    expect(copyField('timestamptz', new Date('2025-05-16T10:30:00.000Z'))).toBe('2025-05-16T10:30:00.000Z');
  });

  it('lays rows out in declaration order, a line each, whatever order their keys were written in', () => {
    const table = declareTable<{ id: string; n: number; note: string | null; tags: string[] }>()({
      name: 'things',
      columns: { id: { type: 'uuid' }, n: { type: 'integer' }, note: { type: 'text', nullable: true }, tags: { type: 'jsonb' } },
      primaryKey: ['id'],
      indexes: [],
    });
    expect(
      copyTextRows(table, [
        { tags: ['a\tb'], note: null, n: 2, id: 'x' },
        { n: 3, id: 'y', tags: [], note: 'two\nlines' },
      ]),
    ).toBe('x\t2\t\\N\t["a\\\\tb"]\ny\t3\ttwo\\nlines\t[]\n');
    expect(copyStatement(table, 'things__next')).toBe('COPY things__next (id, n, note, tags) FROM STDIN');
  });

  it('fails the whole payload before anything is sent when one value is refused', () => {
    const table = declareTable<{ id: string; note: string }>()({
      name: 'notes',
      columns: { id: { type: 'text' }, note: { type: 'text' } },
      primaryKey: ['id'],
      indexes: [],
    });
    expect(() =>
      copyTextRows(table, [
        { id: 'a', note: 'fine' },
        { id: 'b', note: 'not\u0000fine' },
      ]),
    ).toThrow(UnstorableText);
  });
});
