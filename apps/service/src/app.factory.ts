import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream, Logger } from 'pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { authenticateWrites } from './auth/authenticate-writes.hook';
import { ensureGeneratedToken, TokenRegistry } from './auth/token-registry';
import { Settings } from './config/settings';
import { ErrorsFilter } from './http/errors.filter';
import { frameworkErrors } from './http/framework-errors';
import { validationMessages } from './http/validation-messages';
import { jsonBodyProblem } from './http/json-body-check';
import { QueryKeysPipe } from './http/query-keys.pipe';
import { jsonOnly } from './http/json-only.hook';
import { requestDeadlines } from './http/request-deadlines';
import { registerLoadShedding } from './http/load-shedding.hook';
import { utf8JsonParser } from './http/utf8-json-parser';
import {
  CacheKeysQueries,
  DiplomaticEventQueries,
  FactCandidatesQueries,
  Projection,
  PROJECTIONS,
  ProjectorRunner,
  ReadModelPositions,
  StoryRevisionsQueries,
  TimelineEntriesQueries,
} from '@dateline/projections';
import { ReadCache } from './reading/read-cache';
import { registerReadCache } from './reading/read-cache.hook';
import { registerHttpCaching } from './http-caching/http-caching.hook';
import { AccessLog } from './logging/access-log';
import { createRootLogger, NestPinoLogger, requestIdFor } from './logging/root-logger';
import { DatelineMetrics } from './metrics/dateline-metrics';
import { registerHttpMetrics } from './metrics/http-metrics.hook';
import { registerReplayHeader } from './http/replay-header.hook';
import { hardenHttp } from './security/http-hardening';
import { registerEmbedFrameHeaders } from './embeds/embed-frame.hook';
import { setupApiDocs } from './http/openapi';
import { acceptsHtmlStrategy } from './reader-page/content-negotiation';
import { openStorage, Storage } from './storage/open-storage';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@dateline/event-store';
import { RelayService } from '@dateline/kafka';
import { RebuildJobs } from './admin/rebuild-jobs';
import { DeskReads } from './desk/desk-reads';
import { deskPlugin } from './desk/desk.plugin';
import { WriteBudget } from './security/write-budget';
import { FactCandidateReviews } from './fact-review/fact-candidate-reviews';

export interface CreatedApp {
  readonly app: NestFastifyApplication;
  readonly storage: Storage;
  /** Set when no tokens were configured and the service made them. */
  readonly generatedToken?: { path: string; token: string; created: boolean };
  readonly generatedAdminToken?: { path: string; token: string; created: boolean };
  /** The process's root logger (main.ts writes the first screen to its destination). */
  readonly logger: Logger;
  readonly accessLog: AccessLog;
}

/** Builds the HTTP app for the given settings; `main.ts` and the e2e tests both use it. */
export async function createApp(
  settings: Settings,
  options: { logger?: boolean; logStream?: DestinationStream } = {},
): Promise<CreatedApp> {
  let generatedToken: CreatedApp['generatedToken'];
  let generatedAdminToken: CreatedApp['generatedAdminToken'];
  let { editorTokens, adminTokens } = settings;
  if (editorTokens.length === 0 && adminTokens.length === 0) {
    generatedToken = ensureGeneratedToken(settings.dataDir, 'editor');
    generatedAdminToken = ensureGeneratedToken(settings.dataDir, 'admin');
    editorTokens = [`editor=${generatedToken.token}`];
    adminTokens = [`admin=${generatedAdminToken.token}`];
  }
  const tokens = TokenRegistry.from(editorTokens, adminTokens, generatedToken ? 'generated' : 'configured');
  const storage = await openStorage(settings);

  const logger = createRootLogger({
    level: options.logger === false ? 'silent' : settings.logLevel,
    stream: options.logStream,
    pretty: settings.logFormat === undefined ? undefined : settings.logFormat === 'pretty',
  });
  const accessLog = new AccessLog();
  // The accepts-HTML constraint lets the reader page share GET /stories/:id with the JSON API.
  const adapter = new FastifyAdapter({
    bodyLimit: settings.bodyLimitBytes,
    ...requestDeadlines(settings),
    loggerInstance: logger,
    genReqId: requestIdFor,
    logController: accessLog,
    routerOptions: { constraints: { [acceptsHtmlStrategy.name]: acceptsHtmlStrategy } },
    frameworkErrors,
    // Whom to believe about X-Forwarded-Proto and -For (the desk's Secure cookie depends on it).
    trustProxy: settings.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(settings, storage, tokens), adapter, {
    logger: new NestPinoLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(DatelineMetrics);
  // The id every log line of the request carries, for the client to quote.
  // Callback-style, as the other cheap hooks: an async hook costs a promise and a turn of the
  // microtask queue on every request, cached reads and 304s included.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  fastify.addHook('onRequest', jsonOnly);
  // Keyed by the smallest position of all read models: it moves with every batch that changes any of them (ADR 0012).
  const positions = app.get(ReadModelPositions);
  // Before the security headers, and before the read cache: a 304 needs no answer at all, and
  // carries the validators and caching fields only (RFC 9110, section 15.4.5). The browser or
  // CDN that revalidates keeps the stored answer's other headers, its CSP among them (RFC 9111,
  // section 4.3.4), so helmet's dozen headers on every 304 were work for nothing
  // (docs/benchmarks.md, "A leaner 304").
  registerHttpCaching(fastify, {
    settings,
    position: () => positions.known(),
    positionTime: () => positions.positionTime(),
    // The embed's settings too: its CSP, the snippets and oEmbed links depend on them.
    salt: [
      ...app.get<Projection[]>(PROJECTIONS).flatMap((p) => p.tables.map((t) => t.name)),
      `embed:${settings.embedOrigins.join(' ')}`,
      `public:${settings.publicUrl}`,
    ].join(','),
  });
  // A write without a known token is refused before its body is read.
  fastify.addHook('preParsing', authenticateWrites(tokens));
  // Registered before Nest's default JSON parser, which it then leaves out.
  app.useBodyParser('application/json', { bodyLimit: settings.bodyLimitBytes }, utf8JsonParser(fastify));
  // Before Nest's pipes see the body: too deep, text PostgreSQL cannot store, or a key that
  // class-transformer would silently drop (http/json-body-check.ts), is a 400. Query strings get
  // the last check in a pipe (QueryKeysPipe), so that a reader page answers its 400 as a page.
  fastify.addHook('preValidation', async (request, reply) => {
    const problem = request.body === undefined ? undefined : jsonBodyProblem(request.body);
    if (problem) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: [problem] });
  });
  registerHttpMetrics(fastify, metrics);
  await hardenHttp(app, settings.corsOrigins);
  // After helmet's headers, which it changes for the embed and its host script alone.
  registerEmbedFrameHeaders(fastify, settings.embedOrigins);
  // Answers are kept across moves of the position unless the changes touch what they show: the
  // same question as the CDN purge's (ADR 0006). Past a thousand changed rows (a bulk load, a
  // standby catching up) the cache drops everything rather than wait for the whole answer.
  const cacheKeys = app.get(CacheKeysQueries);
  // After the request id and security headers, so that cached answers carry them too.
  const readCache = new ReadCache({
    maxEntries: settings.readCacheEntries,
    changedNames: (after, upTo) => cacheKeys.changesBetween(after, upTo, 1000),
  });
  // A kept answer is checked against the position as read at most a poll ago where another
  // process projects (ReadModelPositions.recent), not against a query of its own per request.
  registerReadCache(fastify, readCache, () => positions.recent());
  // After the 304s and the read cache: only a read that has to be computed counts against the
  // bound, and only such a read is refused. A kept answer or a 304 costs less than the refusal's
  // own work and frees nothing; refusing them turned readers away from answers already in
  // memory while a burst of renders ran (docs/operations.md, "Load shedding").
  registerLoadShedding(fastify, {
    maxReadsInFlight: settings.maxReadsInFlight,
    onShed: () => metrics.readsShed.inc(),
    onInFlight: (reads) => metrics.readsInFlight.set(reads),
  });
  app.useGlobalFilters(new ErrorsFilter());
  registerReplayHeader(fastify);
  app.useGlobalPipes(
    new QueryKeysPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Every problem at once, each naming its field (http/validation-messages.ts).
      exceptionFactory: (errors) => new BadRequestException(validationMessages(errors)),
    }),
  );
  setupApiDocs(app);
  // The editor desk: its own encapsulated Fastify context with cookies, sessions, CSRF and forms.
  await app.register(deskPlugin, {
    prefix: '/desk',
    commands: app.get<CommandBus>(CommandBus),
    reads: new DeskReads(
      app.get(StoryRevisionsQueries),
      positions,
      app.get(ProjectorRunner),
      app.get<EventStore>(EVENT_STORE),
      app.get<RelayService>(RelayService),
      app.get(TimelineEntriesQueries),
      app.get(DiplomaticEventQueries),
      app.get(FactCandidatesQueries),
    ),
    tokens,
    settings,
    rebuilds: app.get<RebuildJobs>(RebuildJobs),
    relay: app.get<RelayService>(RelayService),
    reviews: app.get<FactCandidateReviews>(FactCandidateReviews),
    writes: app.get<WriteBudget>(WriteBudget),
  });
  return { app, storage, generatedToken, generatedAdminToken, logger, accessLog };
}
