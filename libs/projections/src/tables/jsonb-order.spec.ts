import { describe, expect, it } from '@jest/globals';
import { inJsonbOrder } from './jsonb-order';

describe('values in jsonb key order', () => {
  it('put shorter keys first, then by bytes, at every depth, and keep arrays in order', () => {
    const value = { title: 'x', kind: 'talks', when: { precision: 'day', on: '2024-02-02', at: undefined }, b: [{ zz: 1, a: 2 }] };
    expect(JSON.stringify(inJsonbOrder(value))).toBe(
      '{"b":[{"a":2,"zz":1}],"kind":"talks","when":{"on":"2024-02-02","precision":"day"},"title":"x"}',
    );
  });

  it('order keys by their UTF-8 bytes, not their characters, where a key is not ASCII', () => {
    // é is two bytes (C3 A9): as long as "ab", and after it; after "z", which is shorter.
    expect(Object.keys(inJsonbOrder({ é: 1, ab: 2, z: 3, B: 4, éa: 5, abc: 6 }))).toEqual(['B', 'z', 'ab', 'é', 'abc', 'éa']);
  });

  it('give the same text whatever order the keys were written in', () => {
    expect(JSON.stringify(inJsonbOrder({ a: 1, bb: { y: 1, x: 2 } }))).toBe(JSON.stringify(inJsonbOrder({ bb: { x: 2, y: 1 }, a: 1 })));
  });
});
