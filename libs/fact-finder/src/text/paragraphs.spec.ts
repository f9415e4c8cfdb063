import { describe, expect, it } from '@jest/globals';
import { paragraphsOf } from './paragraphs';

describe('paragraphs', () => {
  it('are the blocks between blank lines, numbered from 1, with offsets into the body', () => {
    const body = 'First one.\n\n  Second one.  \n \t\nThird.';
    const ps = paragraphsOf(body);
    expect(ps.map((p) => [p.number, p.text])).toEqual([
      [1, 'First one.'],
      [2, 'Second one.'],
      [3, 'Third.'],
    ]);
    for (const p of ps) expect(body.slice(p.start, p.end)).toBe(p.text);
  });

  it('keeps a single line break inside a paragraph', () => {
    expect(paragraphsOf('One line\nand the next.').map((p) => p.text)).toEqual(['One line\nand the next.']);
  });

  it('has none in an empty body', () => {
    expect(paragraphsOf('  \n\n ')).toEqual([]);
  });
});
