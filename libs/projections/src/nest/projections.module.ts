import { DynamicModule, Module } from '@nestjs/common';
import { Projection } from '../projection';
import { CacheKeysQueries } from '../queries/cache-keys.queries';
import { DiplomaticEventQueries } from '../queries/diplomatic-event.queries';
import { FeedQueries } from '../queries/feed.queries';
import { SearchQueries } from '../queries/search.queries';
import { StoryQueries } from '../queries/story.queries';
import { TimelineChangesQueries } from '../queries/timeline-changes.queries';
import { TimelineQueries } from '../queries/timeline.queries';
import { EventHistoryQueries } from '../read-models/event-history/event-history.queries';
import { FactCandidatesQueries } from '../read-models/fact-candidates/fact-candidates.queries';
import { PROJECTION_CLASSES } from '../read-models/projection-classes';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries } from '../read-models/timeline-entries/timeline-entries.queries';
import { ProjectorRunner } from './projector-runner.service';
import { PROJECTIONS, PROJECTIONS_OPTIONS, ProjectionsOptions } from './projections.tokens';
import { QuarantineOperations } from './quarantine-operations.service';
import { ReadModelPositions } from './read-model-positions.service';

/** Each read model's queries, and the queries that combine several. */
const QUERIES = [
  TimelineEntriesQueries,
  StoryRevisionsQueries,
  EventHistoryQueries,
  FactCandidatesQueries,
  TimelineQueries,
  TimelineChangesQueries,
  StoryQueries,
  DiplomaticEventQueries,
  CacheKeysQueries,
  FeedQueries,
  SearchQueries,
];
const SERVICES = [ProjectorRunner, ReadModelPositions, QuarantineOperations];

/**
 * The read side: the projections (under PROJECTIONS), the projector that runs them, the
 * positions readers wait on, the quarantine's operations and the read models' queries.
 * Expects EVENT_STORE and SQL_CLIENT from the application.
 */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: PROJECTIONS_OPTIONS, useValue: options },
        { provide: PROJECTIONS, useFactory: (): Projection[] => PROJECTION_CLASSES.map((P) => new P()) },
        ...SERVICES,
        ...QUERIES,
      ],
      exports: [PROJECTIONS, ...SERVICES, ...QUERIES],
    };
  }
}
