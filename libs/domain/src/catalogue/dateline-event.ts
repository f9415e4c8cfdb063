import type { DiplomaticEventEvent } from '../diplomatic-event/diplomatic-event.events';
import type { FactReviewEvent } from '../fact-review/fact-review.events';
import type { StoryEvent } from '../story/story.events';

/**
 * Every event Dateline records. A type joins this union in its aggregate's events file (its
 * data schema beside it); the compiler then names every place that must know it: the catalogue,
 * the schemas, the upcasters and each reader's `eventRoutes` (docs/adr/0011-event-catalogue.md).
 */
export type DatelineEvent = StoryEvent | DiplomaticEventEvent | FactReviewEvent;
export type DatelineEventType = DatelineEvent['type'];

/** The member of the event union with this type. */
export type EventOfType<T extends DatelineEventType> = Extract<DatelineEvent, { type: T }>;
