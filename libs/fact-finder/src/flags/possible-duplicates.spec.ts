import { describe, expect, it } from '@jest/globals';
import { possibleDuplicates } from './possible-duplicates';

const day = (on: string) => ({ precision: 'day', on, certainty: 'explicit' }) as const;

describe('possible duplicates', () => {
  const accepted = [
    { id: 'same', title: 'Anton meets Medinsky', when: day('2025-05-16'), participants: [{ name: 'Vladimir Medinsky' }] },
    { id: 'other-day', title: 'Medinsky in Moscow', when: day('2025-04-01'), participants: [{ name: 'Vladimir Medinsky' }] },
    { id: 'other-people', title: 'Rubio speaks', when: day('2025-05-16'), participants: [{ name: 'Marco Rubio' }] },
  ];

  it('are accepted facts with a shared participant (a surname counts) on days that can be the same', () => {
    expect(possibleDuplicates(day('2025-05-16'), [{ name: 'Medinsky' }], accepted)).toEqual(['same']);
  });

  it('reach a month back from an open bound, not into every earlier year', () => {
    const bounded = { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' } as const;
    expect(possibleDuplicates(bounded, [{ name: 'Vladimir Medinsky' }], accepted)).toEqual(['same']);
  });
});
