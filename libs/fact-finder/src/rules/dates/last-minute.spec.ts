import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { lastMinute } from './last-minute';

describe('at the last minute', () => {
  it('is the main event\'s day, before it, with no clock time (chrono-node reads "last minute" as 14:49)', () => {
    for (const text of [
      'At the last minute, Kyiv accused Moscow',
      'Shortly before the start, Kyiv said',
      'just before the talks began, he wrote',
    ])
      expect(lastMinute(text, 0, { ...MAY_16, mainEventDay: '2025-05-16' })[0]).toMatchObject({
        when: { precision: 'day', on: '2025-05-16', certainty: 'inferred' },
        relation: { relation: 'before', to: 'main-event' },
      });
  });

  it('finds nothing elsewhere', () => {
    expect(lastMinute('The last minutes of the meeting were tense', 0, MAY_16)).toEqual([]);
  });
});
