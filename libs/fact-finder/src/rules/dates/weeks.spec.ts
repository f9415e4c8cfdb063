import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { weeks } from './weeks';

describe('weeks', () => {
  it('reads "this week" as Monday to Sunday around the publication day, never a day', () => {
    expect(weeks('Moscow suggested holding talks in Turkey this week', 0, MAY_16)[0].when).toEqual({
      precision: 'bounded',
      onOrAfter: '2025-05-12',
      onOrBefore: '2025-05-18',
      certainty: 'inferred',
      wording: 'this week',
    });
  });

  it('reads "next week", "last week" and "earlier this week"', () => {
    expect(weeks('to meet again next week', 0, MAY_16)[0].when).toMatchObject({ onOrAfter: '2025-05-19', onOrBefore: '2025-05-25' });
    expect(weeks('spoke by phone last week', 0, MAY_16)[0].when).toMatchObject({ onOrAfter: '2025-05-05', onOrBefore: '2025-05-11' });
    expect(weeks('met earlier this week', 0, MAY_16)[0].when).toMatchObject({ onOrAfter: '2025-05-12', onOrBefore: '2025-05-16' });
  });
});
