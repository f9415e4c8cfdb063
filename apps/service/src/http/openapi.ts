import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER, ErrorResponseDto } from './api-docs';
import { MAX_PATH_PARAMETER_LENGTH } from './framework-errors';
import { CACHED_ROUTES } from '../http-caching/cached-routes';

/** The OpenAPI 3 description of every route, from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dateline')
    .setDescription(
      'Event-sourced timelines for developing news stories. Writes need `Authorization: Bearer <token>` (editor or admin role); reads are public. ' +
        'Every write answers 201 `{ id, version, position }`; pass `position` as `minPosition` to a read to read your write.',
    )
    .setVersion('0.1.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from DATELINE_EDITOR_TOKENS or DATELINE_ADMIN_TOKENS.' }, BEARER)
    .build();
  return withRouterAnswers(withPublicSecurity(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] })));
}

/**
 * Routes without a role are public (the bearer guard only checks routes that require one): say
 * so with `security: []`, or a reader of the document cannot tell "public" from "not stated".
 */
function withPublicSecurity(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const op of operations(item)) op.security ??= [];
  }
  return doc;
}

/**
 * Every route with a path parameter can answer the router's 414 (see framework-errors.ts), and
 * every public read the 503 of load shedding (load-shedding.hook.ts).
 */
function withRouterAnswers(doc: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(doc.paths)) {
    // The OpenAPI template `/stories/{id}` is Fastify's `/stories/:id`.
    if (item.get && CACHED_ROUTES.has(path.replace(/\{(\w+)\}/g, ':$1'))) {
      const shed = `More than \`DATELINE_MAX_READS_IN_FLIGHT\` reads are being answered: the read is refused at once, in JSON; retry after \`Retry-After\` seconds.`;
      const existing = item.get.responses['503'] as { description: string; content?: Record<string, unknown> } | undefined;
      // A page that already answers 503 as HTML (a minPosition not reached) also answers the shedding's JSON.
      item.get.responses['503'] = {
        description: existing ? `${existing.description} ${shed}` : shed,
        content: { ...existing?.content, 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
      };
    }
    if (!path.includes('{')) continue;
    for (const op of operations(item)) {
      op.responses['414'] ??= {
        description: `A path parameter is longer than ${MAX_PATH_PARAMETER_LENGTH} characters.`,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
      };
    }
  }
  return doc;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

function operations(item: OpenAPIObject['paths'][string]): Operation[] {
  return METHODS.flatMap((m) => (item[m] ? [item[m]] : []));
}

/** Swagger UI at /docs, the document at /docs-json (and /docs-yaml). */
export function setupApiDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
