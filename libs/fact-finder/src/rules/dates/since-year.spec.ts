import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { sinceYear } from './since-year';

describe('since <year>', () => {
  it('names a background fact in that year, which this one comes after', () => {
    const [f] = sinceYear('sat down in Istanbul for their first direct talks since 2022, Sky News reported', 100, MAY_16);
    expect(f).toMatchObject({
      wording: 'since 2022',
      background: { precision: 'year', on: '2022', certainty: 'explicit' },
      relation: { relation: 'after', to: 'background' },
    });
    expect(f.when).toBeUndefined();
    expect(f.start).toBe(100 + 'sat down in Istanbul for their '.length);
  });
});
