import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { findDates } from './date-rules';

describe('all the date rules together', () => {
  it('read each phrase once, by the most precise rule', () => {
    const found = findDates('Earlier on Friday, Ukrainian officials met shortly before the start', 0, {
      ...MAY_16,
      mainEventDay: '2025-05-16',
    });
    expect(found.map((f) => [f.rule, f.wording])).toEqual([
      ['same-day', 'Earlier on Friday'],
      ['last-minute', 'shortly before the start'],
    ]);
  });

  it('give offsets in the revision', () => {
    const [f] = findDates('on 16 May', 40, MAY_16);
    expect([f.start, f.end]).toEqual([40, 49]);
  });
});
