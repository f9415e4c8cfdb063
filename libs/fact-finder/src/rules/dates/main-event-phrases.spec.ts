import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { mainEventPhrases } from './main-event-phrases';

const ctx = { ...MAY_16, mainEventDay: '2025-05-16' };

describe('before / after the talks', () => {
  it('"before the negotiations began" bounds the fact by the talks\' day and orders it, without a day of its own', () => {
    expect(mainEventPhrases('reportedly held a meeting with Medinsky before the negotiations began', 0, ctx)[0]).toMatchObject({
      when: { precision: 'bounded', onOrBefore: '2025-05-16' },
      relation: { relation: 'before', to: 'main-event' },
    });
  });

  it('"after the talks" lies between the talks\' day and the publication day, a day when they are one', () => {
    expect(mainEventPhrases('Once the talks were under way, Yermak wrote', 0, ctx)[0].when).toMatchObject({
      precision: 'day',
      on: '2025-05-16',
    });
    const geneva = { today: '2025-03-14', zone: 'Europe/Zurich', publishedAt: '2025-03-14T16:05:00Z', mainEventDay: '2025-03-13' };
    expect(mainEventPhrases('Reyne told reporters after the talks that', 0, geneva)[0]).toMatchObject({
      when: { precision: 'bounded', onOrAfter: '2025-03-13', onOrBefore: '2025-03-14' },
      relation: { relation: 'after', to: 'main-event' },
    });
  });

  it('"during the meeting" is its day', () => {
    expect(mainEventPhrases('He spoke during the meeting', 0, ctx)[0]).toMatchObject({
      when: { on: '2025-05-16' },
      relation: { relation: 'same-day' },
    });
  });
});
