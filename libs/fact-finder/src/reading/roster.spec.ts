import { describe, expect, it } from '@jest/globals';
import { candidates } from '../testing/read';

describe('a roster sentence', () => {
  it('is not a fact of its own: its people are who met in the sentence before', () => {
    const text =
      'Earlier on Friday, Ukrainian and U.S. officials held talks of their own. Ukraine sent Defense Minister Rustem Umerov; the U.S. side included Secretary of State Marco Rubio.';
    const all = candidates(text);
    expect(all).toHaveLength(1);
    expect(all[0].proposed.participants.map((p) => p.name)).toEqual(['Rustem Umerov', 'Marco Rubio']);
  });

  it('is an ordinary sentence when nothing met before it', () => {
    expect(candidates('Ukraine sent a delegation to Istanbul.')).toHaveLength(1);
  });
});
