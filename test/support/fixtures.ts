let stories = 0;

/**
 * Test data of our own (not the Istanbul sample): a made-up summit in Geneva. A slug belongs to
 * one story, so each call has a slug of its own unless the test gives one.
 */
export const story = (over: Record<string, unknown> = {}) => ({
  slug: `geneva-summit-${++stories}`,
  headline: 'Leaders meet in Geneva',
  body: 'Two delegations met in Geneva on Tuesday.',
  editorsNote: 'This is a developing story.',
  developing: true,
  byline: 'A. Reporter',
  tags: ['geneva'],
  ...over,
});

/** A `when` of one day: `{ precision: 'day', on, certainty: 'explicit' }` and what `over` adds. */
export const onDay = (on: string, over: Record<string, unknown> = {}) => ({ precision: 'day', on, certainty: 'explicit', ...over });

export const diplomaticEvent = (over: Record<string, unknown> = {}) => ({
  title: 'Delegations open talks in Geneva',
  kind: 'talks',
  when: { precision: 'day', on: '2024-03-05', at: '2024-03-05T10:00:00+01:00', timezone: 'Europe/Zurich', certainty: 'explicit' },
  summary: 'Talks opened at the Palais des Nations.',
  location: { name: 'Geneva', country: 'CH' },
  participants: [
    { name: 'Alpha delegation', country: 'FR' },
    { name: 'Jane Doe', role: 'Envoy', country: 'DE' },
  ],
  sources: [
    { attribution: 'named-source', name: 'Wire service' },
    { attribution: 'reportedly', name: 'Local paper', wording: 'reportedly' },
  ],
  quotes: [{ text: 'We came to talk.', speaker: 'Jane Doe', speakerInferred: false }],
  cameoCode: '046',
  ...over,
});
