import { describe, expect, it } from '@jest/globals';
import { revisionDiff } from './revision-diff';

const rev = (id: string, revision: number, body: string) => ({ id, revision, headline: 'Talks', body });

describe('revisionDiff', () => {
  it('gives the word diff of two revisions, and the same answer (not recomputed) when asked again', () => {
    const a = rev('7b6c0f1e-0000-4000-8000-000000000001', 1, 'Talks open in Geneva');
    const b = rev('7b6c0f1e-0000-4000-8000-000000000001', 2, 'Talks open in Istanbul');
    const first = revisionDiff(a, b);
    expect(first.body).toEqual([{ value: 'Talks open in ' }, { value: 'Geneva', removed: true }, { value: 'Istanbul', added: true }]);
    expect(first.headline).toEqual([{ value: 'Talks' }]);
    expect(revisionDiff(a, b)).toBe(first);
  });

  it('keeps diffs of other stories and other revision pairs apart', () => {
    const one = revisionDiff(rev('s-1', 1, 'a b'), rev('s-1', 2, 'a c'));
    const otherStory = revisionDiff(rev('s-2', 1, 'x'), rev('s-2', 2, 'y'));
    const otherPair = revisionDiff(rev('s-1', 2, 'a c'), rev('s-1', 3, 'a c d'));
    expect(otherStory).not.toEqual(one);
    expect(otherPair.body).toEqual([{ value: 'a c ' }, { value: 'd', added: true }]);
  });
});
