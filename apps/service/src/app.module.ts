import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { RelayModule } from '@dateline/kafka';
import { ProjectionsModule } from '@dateline/projections';
import { AdminController } from './admin/admin.controller';
import { QuarantineController } from './admin/quarantine.controller';
import { RebuildJobs } from './admin/rebuild-jobs';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { TokenRegistry } from './auth/token-registry';
import { Settings } from './config/settings';
import { AmendDiplomaticEventController } from './diplomatic-events/commands/amend-diplomatic-event/amend-diplomatic-event.controller';
import { AmendDiplomaticEventHandler } from './diplomatic-events/commands/amend-diplomatic-event/amend-diplomatic-event.handler';
import { RecordDiplomaticEventController } from './diplomatic-events/commands/record-diplomatic-event/record-diplomatic-event.controller';
import { RecordDiplomaticEventHandler } from './diplomatic-events/commands/record-diplomatic-event/record-diplomatic-event.handler';
import { RetractDiplomaticEventController } from './diplomatic-events/commands/retract-diplomatic-event/retract-diplomatic-event.controller';
import { RetractDiplomaticEventHandler } from './diplomatic-events/commands/retract-diplomatic-event/retract-diplomatic-event.handler';
import { StoryReferences } from './diplomatic-events/story-references';
import { StoryRelations } from './diplomatic-events/story-relations';
import { HealthController } from './health/health.controller';
import { FactCandidateReviews } from './fact-review/fact-candidate-reviews';
import { FactReviewController } from './fact-review/fact-review.controller';
import { ReviewFactCandidateHandler } from './fact-review/commands/review-fact-candidate/review-fact-candidate.handler';
import { DatelineMetrics } from './metrics/dateline-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { ReadinessIndicators } from './health/readiness-indicators';
import { TimelineExportController } from './exports/timeline-export.controller';
import { FeedsController } from './feeds/feeds.controller';
import { TimelineStreamController } from './live-updates/timeline-stream.controller';
import { TimelineStreamHub } from './live-updates/timeline-stream.hub';
import { ReaderPageController } from './reader-page/reader-page.controller';
import { SearchPageController } from './reader-page/search-page.controller';
import { DiplomaticEventsReadController } from './reading/diplomatic-events-read.controller';
import { StoriesReadController } from './reading/stories-read.controller';
import { StoryTimelineController } from './reading/story-timeline.controller';
import { StoryTimelineReads } from './reading/story-timeline-reads';
import { StoryTimelinePageController } from './reader-page/story-timeline-page.controller';
import { EmbedController } from './embeds/embed.controller';
import { OEmbedController } from './embeds/oembed.controller';
import { TimelineController } from './reading/timeline.controller';
import { SearchController } from './search/search.controller';
import { SearchReader } from './search/search-reader';
import { PurgeNotifier } from './http-caching/purge-notifier';
import { PageCursors } from './reading/page-cursor';
import { PAGE_CURSORS } from './reading/pages';
import { serviceKey } from './config/service-secret';
import { WriteBudget } from './security/write-budget';
import { WriteRateLimitGuard } from './security/write-rate-limit.guard';
import { Storage } from './storage/open-storage';
import { StorageModule } from './storage/storage.module';
import { SETTINGS } from './storage/storage.tokens';
import { CreateStoryController } from './stories/commands/create-story/create-story.controller';
import { CreateStoryHandler } from './stories/commands/create-story/create-story.handler';
import { ReviseStoryController } from './stories/commands/revise-story/revise-story.controller';
import { ReviseStoryHandler } from './stories/commands/revise-story/revise-story.handler';
import { AggregateWriter } from './writing/aggregate-writer';
import { StoryAddresses } from './stories/story-addresses';

const writeControllers = [
  CreateStoryController,
  ReviseStoryController,
  RecordDiplomaticEventController,
  AmendDiplomaticEventController,
  RetractDiplomaticEventController,
  FactReviewController,
];
const commandHandlers = [
  CreateStoryHandler,
  ReviseStoryHandler,
  RecordDiplomaticEventHandler,
  AmendDiplomaticEventHandler,
  RetractDiplomaticEventHandler,
  ReviewFactCandidateHandler,
];
const readControllers = [
  StoriesReadController,
  DiplomaticEventsReadController,
  TimelineController,
  TimelineStreamController,
  TimelineExportController,
  FeedsController,
  SearchController,
  StoryTimelineController,
  OEmbedController,
];

/** The service, wired for given settings and already-opened storage (so tests can choose both). */
@Module({})
export class AppModule {
  static forRoot(settings: Settings, storage: Storage, tokens: TokenRegistry): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        // The routes the app serves, for tools that list them (test/e2e/openapi.e2e-spec.ts checks each is documented).
        DiscoveryModule,
        TerminusModule.forRoot({ logger: false }),
        StorageModule.forRoot(storage),
        ProjectionsModule.forRoot({ runProjector: settings.roles.includes('projector'), leaderRetryMs: settings.leaderRetryMs }),
        RelayModule.forRoot({ kafka: settings.kafka, runRelay: settings.roles.includes('relay'), leaderRetryMs: settings.leaderRetryMs }),
      ],
      controllers: [
        ...writeControllers,
        ...readControllers,
        ReaderPageController,
        SearchPageController,
        StoryTimelinePageController,
        EmbedController,
        AdminController,
        QuarantineController,
        HealthController,
        MetricsController,
      ],
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: TokenRegistry, useValue: tokens },
        // Cursors made by one instance are read by the others: the key comes from the shared secret.
        { provide: PAGE_CURSORS, useValue: new PageCursors(serviceKey(settings.sessionSecret, settings.dataDir, 'page cursor')) },
        // Every route passes the bearer guard; only routes marked @RequiresRole need a token.
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        // One budget per editor, spent by the API's writes and the desk's alike.
        { provide: WriteBudget, useValue: new WriteBudget(settings.writeRateLimit) },
        // After the bearer guard, so that the budget is the token's.
        { provide: APP_GUARD, useClass: WriteRateLimitGuard },
        AggregateWriter,
        StoryReferences,
        StoryRelations,
        StoryAddresses,
        SearchReader,
        StoryTimelineReads,
        FactCandidateReviews,
        RebuildJobs,
        ReadinessIndicators,
        DatelineMetrics,
        TimelineStreamHub,
        PurgeNotifier,
        ...commandHandlers,
      ],
    };
  }
}
