/** Stream names: `<category>-<uuid>` (docs/architecture.md section 4). */
export const STREAM_CATEGORIES = { story: 'story', diplomaticEvent: 'diplomatic-event', factReview: 'fact-review' } as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[keyof typeof STREAM_CATEGORIES];

export const storyStream = (storyId: string): string => `story-${storyId}`;
export const diplomaticEventStream = (eventId: string): string => `diplomatic-event-${eventId}`;
/** A story's fact review: every candidate of its revisions an editor accepted or dismissed (docs/adr/0016-fact-review-events.md). */
export const factReviewStream = (storyId: string): string => `fact-review-${storyId}`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const STREAM = new RegExp(`^(story|diplomatic-event|fact-review)-(${UUID})$`);

/** The category and aggregate id of a stream name, or undefined for a name that is not ours. */
export function parseStream(stream: string): { category: StreamCategory; id: string } | undefined {
  const m = STREAM.exec(stream);
  return m ? { category: m[1] as StreamCategory, id: m[2] } : undefined;
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && new RegExp(`^${UUID}$`, 'i').test(value);
}
