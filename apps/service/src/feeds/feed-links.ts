/** The two formats every feed comes in. */
export type FeedFormat = 'atom' | 'json';

/** Where the feeds are (docs/feeds.md): the timeline's, and each story's under its own address. */
export const FEED_PATHS = {
  timeline: { atom: '/feeds/timeline.atom', json: '/feeds/timeline.json' } as Readonly<Record<FeedFormat, string>>,
  story: (slug: string): Readonly<Record<FeedFormat, string>> => ({
    atom: `/stories/${encodeURIComponent(slug)}/feed.atom`,
    json: `/stories/${encodeURIComponent(slug)}/feed.json`,
  }),
};

/** A feed as a page announces it (`<link rel="alternate">`, feed autodiscovery). */
export interface FeedAnnouncement {
  readonly title: string;
  readonly href: string;
  readonly type: 'application/atom+xml' | 'application/feed+json';
}

/** The timeline's feeds, as the reader page announces them. */
export const TIMELINE_FEEDS: readonly FeedAnnouncement[] = [
  { title: 'Dateline timeline (Atom)', href: FEED_PATHS.timeline.atom, type: 'application/atom+xml' },
  { title: 'Dateline timeline (JSON Feed)', href: FEED_PATHS.timeline.json, type: 'application/feed+json' },
];

/** A story's feeds, as its page announces them. */
export function storyFeeds(slug: string): FeedAnnouncement[] {
  const paths = FEED_PATHS.story(slug);
  return [
    { title: 'This story (Atom)', href: paths.atom, type: 'application/atom+xml' },
    { title: 'This story (JSON Feed)', href: paths.json, type: 'application/feed+json' },
  ];
}
