import { describe, expect, it } from '@jest/globals';
import { DateContext } from './date-finding';
import { weekdays } from './weekdays';

// Friday 14 March 2025, late afternoon in Geneva.
const ctx: DateContext = { today: '2025-03-14', zone: 'Europe/Zurich', publishedAt: '2025-03-14T16:05:00Z' };

describe('weekdays', () => {
  it('reads a past weekday from the publication day', () => {
    expect(weekdays('Delegations met in Geneva on Thursday for talks', 0, ctx).map((f) => [f.wording, f.when])).toEqual([
      ['on Thursday', { precision: 'day', on: '2025-03-13', certainty: 'explicit' }],
    ]);
    expect(weekdays('Kuusk had approved the mandate on Tuesday.', 0, ctx)[0].when).toMatchObject({ on: '2025-03-11' });
    expect(weekdays('Switzerland offered on Friday to host', 0, ctx)[0].when).toMatchObject({ on: '2025-03-14' });
  });

  it('reads the next one for what is to come', () => {
    expect(weekdays('They will meet on Tuesday', 0, { ...ctx, future: true })[0].when).toMatchObject({ on: '2025-03-18' });
  });

  it('does not take "sat down" for a Saturday', () => {
    expect(weekdays('Negotiators sat down in Istanbul', 0, ctx)).toEqual([]);
  });
});
