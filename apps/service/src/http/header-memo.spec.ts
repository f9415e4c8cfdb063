import { describe, expect, it } from '@jest/globals';
import { memoByHeader } from './header-memo';

describe('memoByHeader', () => {
  it('decides once per header value, and forgets everything when full', () => {
    const asked: string[] = [];
    const decide = memoByHeader((h) => (asked.push(h), h.length), 2);
    expect([decide('gzip'), decide('gzip'), decide('br'), decide('gzip')]).toEqual([4, 4, 2, 4]);
    expect(asked).toEqual(['gzip', 'br']);
    // Full at two: a third value clears the memo, so 'gzip' is decided again.
    expect(decide('identity')).toBe(8);
    expect(decide('gzip')).toBe(4);
    expect(asked).toEqual(['gzip', 'br', 'identity', 'gzip']);
  });
});
