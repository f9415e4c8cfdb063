import { describe, expect, it } from '@jest/globals';
import { confidenceOf } from './confidence';

describe('confidence', () => {
  const base = { knownVerb: false, dated: false, participants: [], sources: [], background: false };

  it('grows with what the rules found and stays within 0..1', () => {
    const low = confidenceOf(base);
    const high = confidenceOf({
      knownVerb: true,
      dated: true,
      participants: [{ name: 'Russia' }],
      sources: [{ attribution: 'named-source', name: 'TASS' }],
      background: false,
    });
    expect(low).toBeLessThan(high);
    expect(high).toBeLessThanOrEqual(0.95);
    expect(confidenceOf({ ...base, background: true })).toBeLessThan(low);
  });
});
