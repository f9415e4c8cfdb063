import { describe, expect, it } from '@jest/globals';
import { deadlines } from './deadlines';

const ctx = { today: '2025-03-14', zone: 'Europe/Zurich', publishedAt: '2025-03-14T16:05:00Z' };

describe('deadlines', () => {
  it('"by the end of the month" is on or before its last day, not that day', () => {
    expect(deadlines('to present a draft ceasefire text by the end of the month', 0, ctx)[0]).toMatchObject({
      deadline: true,
      when: { precision: 'bounded', onOrBefore: '2025-03-31' },
    });
    expect(deadlines('by the end of next month', 0, ctx)[0].when).toMatchObject({ onOrBefore: '2025-04-30' });
    expect(deadlines('by the end of the year', 0, ctx)[0].when).toMatchObject({ onOrBefore: '2025-12-31' });
  });
});
