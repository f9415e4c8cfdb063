import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { daysOfTalks } from './days-of-talks';

describe('after two days of talks', () => {
  it('names the talks as a background fact of that many days, before the fact', () => {
    expect(daysOfTalks('agreed on Monday to exchange prisoners after two days of talks in Oslo', 0, MAY_16)[0]).toMatchObject({
      wording: 'two days of talks',
      backgroundDays: 2,
      relation: { relation: 'after', to: 'background' },
    });
    expect(daysOfTalks('after 3 days of negotiations', 0, MAY_16)[0].backgroundDays).toBe(3);
  });
});
