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

export const diplomaticEvent = (over: Record<string, unknown> = {}) => ({
  title: 'Delegations open talks in Geneva',
  kind: 'talks',
  occurredOn: '2024-03-05',
  occurredAt: '2024-03-05T10:00:00+01:00',
  timezone: 'Europe/Zurich',
  summary: 'Talks opened at the Palais des Nations.',
  location: { name: 'Geneva', country: 'CH' },
  participants: [
    { name: 'Alpha delegation', country: 'FR' },
    { name: 'Jane Doe', role: 'Envoy', country: 'DE' },
  ],
  sources: [
    { name: 'Wire service', hedged: false },
    { name: 'Local paper', hedged: true, note: 'reportedly' },
  ],
  quotes: [{ text: 'We came to talk.', speaker: 'Jane Doe', speakerInferred: false }],
  cameoCode: '046',
  ...over,
});
