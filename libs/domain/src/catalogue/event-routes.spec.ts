import { DatelineEvent, DatelineEventType } from './dateline-event';
import { EVENT_CATALOGUE } from './event-catalogue';
import { eventRoutes } from './event-routes';

/** Every event type, from the catalogue: a new event needs no edit here. */
const EVERY_TYPE = Object.keys(EVENT_CATALOGUE) as DatelineEventType[];

const created = {
  type: 'StoryCreated',
  data: { storyId: 's', slug: 'a', headline: 'h', body: 'b', developing: false, tags: [], revision: 1 },
};
const retracted = { type: 'DiplomaticEventRetracted', data: { eventId: 'e', version: 2, reason: 'r' } };

describe('eventRoutes', () => {
  const routes = eventRoutes<string[], string>()({
    ignore: ['StoryRevised', 'DiplomaticEventAmended', 'FactCandidateAccepted', 'FactCandidateDismissed'],
    handle: {
      StoryCreated: (e, seen) => `${seen.push(e.data.slug)}`,
      DiplomaticEventRecorded: (e) => e.data.title,
      DiplomaticEventRetracted: (e) => e.data.reason,
    },
  });

  it('calls the handler of the event type with the context', () => {
    const seen: string[] = [];
    expect(routes.route(created as DatelineEvent, seen)).toBe('1');
    expect(seen).toEqual(['a']);
    expect(routes.route(retracted as DatelineEvent, [])).toBe('r');
  });

  it('returns undefined for an ignored type and knows which types it handles', () => {
    expect(routes.route({ type: 'StoryRevised', data: {} } as DatelineEvent, [])).toBeUndefined();
    expect([...routes.handled].sort()).toEqual(['DiplomaticEventRecorded', 'DiplomaticEventRetracted', 'StoryCreated']);
    expect([...routes.ignored].sort()).toEqual([
      'DiplomaticEventAmended',
      'FactCandidateAccepted',
      'FactCandidateDismissed',
      'StoryRevised',
    ]);
  });

  it('fails loudly, naming the type, for a type it neither handles nor ignores', () => {
    expect(() => routes.route({ type: 'MeetingPostponed', data: {} } as unknown as DatelineEvent, [])).toThrow(
      'no handler for event type MeetingPostponed',
    );
  });

  it('refuses a type ignored twice, or handled and ignored at once', () => {
    const build = eventRoutes<void>();
    expect(() =>
      build({
        ignore: ['StoryCreated', ...EVERY_TYPE],
        handle: {},
      }),
    ).toThrow('an event type is ignored twice');
    const handle = { StoryCreated: () => undefined } as unknown as Record<string, never>;
    expect(() =>
      build({
        ignore: EVERY_TYPE,
        handle,
      }),
    ).toThrow('handled and ignored at once: StoryCreated');
  });
});
