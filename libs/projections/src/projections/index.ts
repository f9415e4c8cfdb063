import { EventHistoryProjection } from './event-history.projection';
import { StoryRevisionsProjection } from './story-revisions.projection';
import { TimelineEntriesProjection } from './timeline-entries.projection';

export { EventHistoryProjection, StoryRevisionsProjection, TimelineEntriesProjection };

/** Every projection class; the Nest module registers them as providers. */
export const PROJECTION_CLASSES = [TimelineEntriesProjection, StoryRevisionsProjection, EventHistoryProjection];
