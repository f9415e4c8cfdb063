import { describe, expect, it } from '@jest/globals';
import { DateContext } from './date-finding';
import { monthsAndYears } from './months-and-years';

const ctx: DateContext = { today: '2025-03-14', zone: 'Europe/Zurich', publishedAt: '2025-03-14T16:05:00Z' };

describe('months and years', () => {
  it('reads a past month as the last one up to the publication', () => {
    expect(monthsAndYears('The dispute flared again in January, when …', 0, ctx)[0].when).toEqual({
      precision: 'month',
      on: '2025-01',
      certainty: 'explicit',
    });
    expect(monthsAndYears('talks held in June', 0, ctx)[0].when).toMatchObject({ on: '2024-06' });
  });

  it('reads a month of what is to come as the next one', () => {
    expect(monthsAndYears('to host a meeting in April', 0, { ...ctx, future: true })[0].when).toMatchObject({ on: '2025-04' });
    expect(monthsAndYears('a round in February', 0, { ...ctx, future: true })[0].when).toMatchObject({ on: '2026-02' });
  });

  it('reads "in 2019" as a year and "the 2022 negotiations" as a background fact', () => {
    expect(monthsAndYears('an agreement signed in 2019', 0, ctx)[0].when).toEqual({ precision: 'year', on: '2019', certainty: 'explicit' });
    const [f] = monthsAndYears('a sequel to the 2022 negotiations', 0, ctx);
    expect([f.when, f.background]).toEqual([undefined, { precision: 'year', on: '2022', certainty: 'explicit' }]);
  });

  it('does not take the verb "may" for May', () => {
    expect(monthsAndYears('Estmark may send a larger team', 0, ctx)).toEqual([]);
  });
});
