import { describe, expect, it } from '@jest/globals';
import { jsonBodyProblem, MAX_JSON_DEPTH } from './json-body-check';

const nested = (levels: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

describe('JSON body check', () => {
  it('accepts ordinary bodies, emoji and other astral characters included', () => {
    expect(jsonBodyProblem({ title: 'Talks in İstanbul 🕊️', sources: [{ name: 'Wire', hedged: false }] })).toBeUndefined();
    expect(jsonBodyProblem({ deep: nested(MAX_JSON_DEPTH - 1) })).toBeUndefined();
  });

  it('names a field holding NUL or a lone surrogate, and a field name holding one', () => {
    expect(jsonBodyProblem({ body: 'a\u0000b' })).toBe('body contains a NUL character (U+0000), which cannot be stored');
    expect(jsonBodyProblem({ sources: [{ name: '\ud800' }] })).toMatch(/^sources\.0\.name contains a lone UTF-16 surrogate/);
    expect(jsonBodyProblem({ changes: { title: 'x\udc00' } })).toMatch(/^changes\.title contains a lone/);
    expect(jsonBodyProblem({ 'bad\u0000key': 1 })).toMatch(/^a field name in body contains a NUL/);
  });

  it('refuses nesting deeper than the limit, without recursion (100,000 levels)', () => {
    expect(jsonBodyProblem({ x: nested(MAX_JSON_DEPTH + 1) })).toMatch(/nested deeper than/);
    expect(jsonBodyProblem(nested(100_000))).toMatch(/nested deeper than/);
  });
});
