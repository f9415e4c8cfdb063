import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER } from './api-docs';

/** The OpenAPI 3 description of every route, from the controllers' decorators. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Dateline')
    .setDescription(
      'Event-sourced timelines for developing news stories. Writes need `Authorization: Bearer <token>` (editor or admin role); reads are public. ' +
        'Every write answers 201 `{ id, version, position }`; pass `position` as `minPosition` to a read to read your write.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from DATELINE_EDITOR_TOKENS or DATELINE_ADMIN_TOKENS.' }, BEARER)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** Swagger UI at /docs, the document at /docs-json (and /docs-yaml). */
export function setupApiDocs(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
