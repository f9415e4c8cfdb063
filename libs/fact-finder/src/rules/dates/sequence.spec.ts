import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { sequence } from './sequence';

describe('initially … later', () => {
  it('marks the first and the later fact', () => {
    expect(sequence('Valdora initially rejected Geneva but later accepted', 0, MAY_16).map((f) => [f.wording, f.sequence])).toEqual([
      ['initially', 'first'],
      ['later', 'later'],
    ]);
    expect(sequence('Trump had at first sounded hopeful', 0, MAY_16)[0].sequence).toBe('first');
  });

  it('leaves "later in the day" and "at a later date" alone', () => {
    expect(sequence('meeting in person at a later date', 0, MAY_16)).toEqual([]);
    expect(sequence('later in the day he flew home', 0, MAY_16)).toEqual([]);
  });
});
