import { EventHistoryProjection } from './event-history/event-history.projection';
import { FactCandidatesProjection } from './fact-candidates/fact-candidates.projection';
import { StoryRevisionsProjection } from './story-revisions/story-revisions.projection';
import { TimelineEntriesProjection } from './timeline-entries/timeline-entries.projection';

/**
 * Every read model's projection, in the order the projector hands them each event. The Nest
 * module provides one instance of each under the PROJECTIONS token; a new read model is a
 * folder beside these and one line here.
 */
export const PROJECTION_CLASSES = [TimelineEntriesProjection, StoryRevisionsProjection, EventHistoryProjection, FactCandidatesProjection];
