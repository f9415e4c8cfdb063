import { describe, expect, it } from '@jest/globals';
import { revisionChanges } from './revision-changes';

const at = (text: string, start: number) => ({ start, end: start + text.length, text });

describe('what a revision changed', () => {
  it('reads every sentence of a first revision', () => {
    const current = [at('One.', 0), at('Two.', 5)];
    expect([...revisionChanges(current, undefined).fresh]).toEqual([0, 5]);
  });

  it('reads only new and changed sentences, pairing a rewrite with the sentence it rewrites', () => {
    const previous = [at('Talks opened in Istanbul on 16 May.', 0), at('The U.S side included Rubio.', 36), at('Putin stayed away.', 65)];
    const current = [
      at('Talks opened in Istanbul on 16 May.', 0),
      at('The U.S. side included Rubio and Kellogg.', 36),
      at('Russia rejected the ceasefire.', 78),
    ];
    const changes = revisionChanges(current, previous);
    expect([...changes.fresh]).toEqual([36, 78]);
    expect(changes.rewrites.get(36)?.text).toBe('The U.S side included Rubio.');
    expect(changes.rewrites.has(78)).toBe(false);
    expect(changes.removed.map((s) => s.text)).toEqual(['Putin stayed away.']);
  });

  it('does not count retyped quotes or spacing as a change', () => {
    const changes = revisionChanges([at('He said “no”.', 0)], [at('He  said "no".', 0)]);
    expect(changes.fresh.size).toBe(0);
  });
});
