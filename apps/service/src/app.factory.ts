import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DestinationStream, Logger } from 'pino';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ValidationError } from 'class-validator';
import { AppModule } from './app.module';
import { ensureGeneratedToken, TokenRegistry } from './auth/token-registry';
import { Settings } from './config/settings';
import { ErrorsFilter } from './http/errors.filter';
import { jsonBodyProblem } from './http/json-body-check';
import { jsonOnly } from './http/json-only.hook';
import { ProjectorService } from '@dateline/projections';
import { ReadCache } from './reading/read-cache';
import { registerReadCache } from './reading/read-cache.hook';
import { AccessLog } from './logging/access-log';
import { createRootLogger, NestPinoLogger, requestIdFor } from './logging/root-logger';
import { DatelineMetrics } from './metrics/dateline-metrics';
import { registerHttpMetrics } from './metrics/http-metrics.hook';
import { ReplayHeaderInterceptor } from './http/replay-header.interceptor';
import { hardenHttp } from './security/http-hardening';
import { setupApiDocs } from './http/openapi';
import { acceptsHtmlStrategy } from './reader-page/content-negotiation';
import { openStorage, Storage } from './storage/open-storage';

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
export async function createApp(settings: Settings, options: { logger?: boolean; logStream?: DestinationStream } = {}): Promise<CreatedApp> {
  let generatedToken: CreatedApp['generatedToken'];
  let generatedAdminToken: CreatedApp['generatedAdminToken'];
  let { editorTokens, adminTokens } = settings;
  if (editorTokens.length === 0 && adminTokens.length === 0) {
    generatedToken = ensureGeneratedToken(settings.dataDir, 'editor');
    generatedAdminToken = ensureGeneratedToken(settings.dataDir, 'admin');
    editorTokens = [`editor=${generatedToken.token}`];
    adminTokens = [`admin=${generatedAdminToken.token}`];
  }
  const tokens = TokenRegistry.from(editorTokens, adminTokens);
  const storage = await openStorage(settings);

  const logger = createRootLogger({ level: options.logger === false ? 'silent' : settings.logLevel, stream: options.logStream, pretty: settings.logFormat === undefined ? undefined : settings.logFormat === 'pretty' });
  const accessLog = new AccessLog();
  // The accepts-HTML constraint lets the reader page share GET /stories/:id with the JSON API.
  const adapter = new FastifyAdapter({
    bodyLimit: settings.bodyLimitBytes,
    loggerInstance: logger,
    genReqId: requestIdFor,
    logController: accessLog,
    routerOptions: { constraints: { [acceptsHtmlStrategy.name]: acceptsHtmlStrategy } },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(settings, storage, tokens), adapter, { logger: new NestPinoLogger(logger) });
  const fastify = app.getHttpAdapter().getInstance();
  // The id every log line of the request carries, for the client to quote.
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  fastify.addHook('onRequest', jsonOnly);
  // Before Nest's pipes see the body: too deep, or text PostgreSQL cannot store, is a 400.
  fastify.addHook('preValidation', async (request, reply) => {
    const problem = request.body === undefined ? undefined : jsonBodyProblem(request.body);
    if (problem) return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: [problem] });
  });
  registerHttpMetrics(fastify, app.get(DatelineMetrics));
  await hardenHttp(app, settings.corsOrigins);
  // After the request id and security headers, so that cached answers carry them too.
  const projector = app.get(ProjectorService);
  registerReadCache(fastify, new ReadCache(settings.readCacheEntries), () => projector.position());
  app.useGlobalFilters(new ErrorsFilter());
  app.useGlobalInterceptors(new ReplayHeaderInterceptor());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // Name every bad field, nested ones by their path (e.g. "sources.0.hedged").
      exceptionFactory: (errors) => new BadRequestException(flatten(errors)),
    }),
  );
  setupApiDocs(app);
  return { app, storage, generatedToken, generatedAdminToken, logger, accessLog };
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (parent ? `${parent}.${m}` : m));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}
