import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './write-context.decorator';

describe('canonicalJson (idempotency fingerprints)', () => {
  it('ignores key order and absent values, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe(canonicalJson({ a: { d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
