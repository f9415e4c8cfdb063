import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { sameDay } from './same-day';

describe('earlier in the day', () => {
  it("is the main event's day, before it (chrono-node would read 17 May)", () => {
    expect(
      sameDay('Umerov, who earlier in the day met European security advisers', 0, { ...MAY_16, mainEventDay: '2025-05-16' })[0],
    ).toMatchObject({
      when: { precision: 'day', on: '2025-05-16', certainty: 'inferred' },
      relation: { relation: 'before', to: 'main-event' },
    });
  });

  it("takes the main event's day when that is not the publication day", () => {
    const geneva = { today: '2025-03-14', zone: 'Europe/Zurich', publishedAt: '2025-03-14T16:05:00Z', mainEventDay: '2025-03-13' };
    expect(sameDay('Earlier in the day, UN envoy Miriam Okafor met Reyne', 0, geneva)[0].when).toMatchObject({ on: '2025-03-13' });
  });

  it('reads "earlier on Friday" as that weekday, ordered only when it is the main event\'s day', () => {
    expect(sameDay('Earlier on Friday, officials held talks of their own', 0, { ...MAY_16, mainEventDay: '2025-05-16' })[0]).toMatchObject({
      when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
      relation: { relation: 'before', to: 'main-event' },
    });
    expect(sameDay('Earlier on Tuesday, officials met', 0, { ...MAY_16, mainEventDay: '2025-05-16' })[0]).toMatchObject({
      when: { on: '2025-05-13' },
    });
    expect(sameDay('Earlier on Tuesday, officials met', 0, { ...MAY_16, mainEventDay: '2025-05-16' })[0].relation).toBeUndefined();
  });

  it('reads "later that day" as after', () => {
    expect(sameDay('Later that day he flew home', 0, MAY_16)[0].relation).toEqual({ relation: 'after', to: 'main-event' });
  });
});
