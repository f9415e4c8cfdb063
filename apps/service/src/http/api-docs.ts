import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiServiceUnavailableResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';

/**
 * OpenAPI (served at /docs) for the HTTP contract of docs/architecture.md section 3: one decorator per kind
 * of route, so every write documents every status a write can answer, and every read the same.
 */

export const BEARER = 'bearer';

export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What was wrong. For a 400, one message per bad field, nested fields by their path (`when.on`, `sources.0.name`).',
    example: ['when.on must be a real calendar date YYYY-MM-DD (got "2025-02-30")'],
  })
  message: string | string[];
}

export class ConflictResponseDto extends ErrorResponseDto {
  @ApiProperty({ description: "The stream's current version: re-read, then retry with it.", example: 3 }) currentVersion: number;
}

/** A story's slug belongs to one story (ADR 0010): the 409 names the story that has it. */
export class SlugTakenResponseDto extends ErrorResponseDto {
  @ApiProperty({ example: 'istanbul-peace-talks-2025' }) slug: string;
  @ApiProperty({ format: 'uuid', description: 'The story that has the slug.' }) storyId: string;
}

export class WriteResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The story or diplomatic event.' }) id: string;
  @ApiProperty({ description: "The stream's version after the append.", example: 1 }) version: number;
  @ApiProperty({ description: 'Log position of the append: pass it as `minPosition` to a read to read your write.', example: 12353537 })
  position: number;
  @ApiPropertyOptional({ description: 'Stories only: the revision number (equals version).', example: 1 }) revision?: number;
}

const caughtUpHeader = {
  'X-Dateline-Caught-Up': {
    description: 'With `minPosition`: `false` when the read models did not reach it in time.',
    schema: { type: 'string', enum: ['true', 'false'] },
  },
};

/** What every public read says to caches (docs/deploy.md, "Caches and CDNs in front"). */
const cachingHeaders = {
  ETag: {
    description:
      "A strong validator of this answer: from the read models' position, the route, the query (and for a negotiated route the kind of answer). Send it back in `If-None-Match` for a 304 while nothing moved.",
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description:
      "`public, max-age=…, stale-while-revalidate=…` (DATELINE_HTTP_MAX_AGE_SECONDS, DATELINE_HTTP_STALE_WHILE_REVALIDATE_SECONDS); `public, max-age=<DATELINE_HTTP_SETTLED_MAX_AGE_SECONDS>` for an answer that cannot change: a page after the first (its cursor pins it), or `asOf` well before the read position's time.",
    schema: { type: 'string' },
  },
  'Surrogate-Key': {
    description:
      'What the answer is made of, space-separated (`timeline`, `day:2025-05-16`, `story:<id>`, `event:<id>`): a purge (DATELINE_PURGE_URL) names these.',
    schema: { type: 'string' },
  },
};

const linkHeader = {
  Link: {
    description: 'When there is a next page: `<path?…&cursor=…>; rel="next"` (RFC 8288), the same as the `next` in the body.',
    schema: { type: 'string' },
  },
};

const ifNoneMatch = ApiHeader({
  name: 'If-None-Match',
  required: false,
  description: 'An `ETag` of an earlier answer: 304 without a body while it is still the answer.',
});

const notModified = ApiResponse({
  status: 304,
  description: 'Not modified: the `ETag` sent in If-None-Match is still the answer (the read models have not moved). No body.',
  headers: { ETag: cachingHeaders.ETag, 'Cache-Control': cachingHeaders['Cache-Control'] },
});

export interface WriteDocs {
  readonly summary: string;
  readonly description?: string;
  /** The route names an existing id (404 when unknown). */
  readonly notFound?: boolean;
  /** The route appends with an expected version (409 on conflict). Default true. */
  readonly conflict?: boolean;
  readonly role?: 'editor' | 'admin';
  /** The answer's body, when it is not `{ id, version, position }`. */
  readonly type?: Type<unknown>;
  /** The write may answer 200 (what it answers then), as a review of a fact candidate already reviewed so. */
  readonly ok?: string;
  /** What a 409 means here, when it is not a version conflict (its body then need not say `currentVersion`). */
  readonly conflictDescription?: string;
}

/** A write: bearer auth, Idempotency-Key, 201 `{ id, version, position }` and every error status of the contract. */
export function ApiWrite(o: WriteDocs): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiOperation({ summary: o.summary, ...(o.description ? { description: o.description } : {}) }),
    ApiBearerAuth(BEARER),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'The same key and body answer the first answer again (with `Idempotent-Replayed: true`) and append nothing.',
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: "Kept in the events' metadata; one is made when absent." }),
    ApiCreatedResponse({ type: o.type ?? WriteResponseDto, description: 'Appended.' }),
    ...(o.ok ? [ApiOkResponse({ type: o.type ?? WriteResponseDto, description: o.ok })] : []),
    ApiBadRequestResponse({
      type: ErrorResponseDto,
      description: 'Validation failed: `message` names each bad field, and unknown fields.',
    }),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No bearer token, or an unknown one.' }),
    ApiForbiddenResponse({ type: ErrorResponseDto, description: `The token lacks the ${o.role ?? 'editor'} role.` }),
    ...(o.notFound ? [ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown id.' })] : []),
    ...(o.conflict === false
      ? []
      : [
          o.conflictDescription
            ? ApiConflictResponse({ type: ErrorResponseDto, description: o.conflictDescription })
            : ApiConflictResponse({
                type: ConflictResponseDto,
                description: 'Version conflict: `currentVersion` says where the stream is.',
              }),
        ]),
    ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Body larger than DATELINE_BODY_LIMIT_BYTES.' }),
    ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not application/json.' }),
    ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'The Idempotency-Key was used before with a different body.' }),
    ApiTooManyRequestsResponse({
      type: ErrorResponseDto,
      description: 'More writes than DATELINE_WRITE_RATE_LIMIT per minute for this token; retry after `Retry-After` seconds.',
    }),
    ApiServiceUnavailableResponse({
      type: ErrorResponseDto,
      description: 'The event store cannot be reached; nothing was written; retry after `Retry-After`.',
    }),
  );
}

export interface ReadDocs {
  readonly summary: string;
  readonly description?: string;
  readonly type?: Type<unknown>;
  /** The route names an id (404 when unknown). */
  readonly notFound?: boolean;
  /** What a 400 means here; every read with query parameters has one. */
  readonly badRequest?: string;
  /** The answer is a page (`limit`, `cursor`): a Link header, and a 503 while a cursor's position is not reached. */
  readonly paged?: boolean;
  /** The answer's media type and schema, when it is not the JSON of `type` (a feed). */
  readonly produces?: { readonly mediaType: string; readonly schema: Record<string, unknown> };
}

/** A public read: 200 with the read models' position and what caches need, 304, and the 400/404 it may answer. */
export function ApiRead(o: ReadDocs): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiOperation({ summary: o.summary, ...(o.description ? { description: o.description } : {}) }),
    ifNoneMatch,
    o.produces
      ? ApiResponse({
          status: 200,
          description: 'OK',
          headers: { ...caughtUpHeader, ...cachingHeaders, ...(o.paged ? linkHeader : {}) },
          content: { [o.produces.mediaType]: { schema: o.produces.schema } },
        })
      : ApiOkResponse({
          ...(o.type ? { type: o.type } : {}),
          description: 'OK',
          headers: { ...caughtUpHeader, ...cachingHeaders, ...(o.paged ? linkHeader : {}) },
        }),
    notModified,
    ApiBadRequestResponse({ type: ErrorResponseDto, description: o.badRequest ?? 'A query parameter is malformed or unknown.' }),
    ...(o.notFound ? [ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Unknown id.' })] : []),
    ...(o.paged
      ? [
          ApiServiceUnavailableResponse({
            type: ErrorResponseDto,
            description:
              "A cursor from an instance further ahead, whose position this one's read models did not reach in time: retry after `Retry-After`.",
          }),
        ]
      : []),
  );
}

/** A route that answers a reader page (text/html). */
export function ApiHtmlPage(o: {
  summary: string;
  description?: string;
  notFound?: boolean;
  paged?: boolean;
}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiOperation({ summary: o.summary, ...(o.description ? { description: o.description } : {}) }),
    ifNoneMatch,
    ApiResponse({
      status: 200,
      description: 'The page.',
      content: { 'text/html': { schema: { type: 'string' } } },
      headers: cachingHeaders,
    }),
    notModified,
    ApiResponse({
      status: 400,
      description: 'A query parameter is malformed: an HTML page naming the problem.',
      content: { 'text/html': { schema: { type: 'string' } } },
    }),
    ...(o.notFound
      ? [ApiResponse({ status: 404, description: 'Unknown id: an HTML page.', content: { 'text/html': { schema: { type: 'string' } } } })]
      : []),
    ...(o.paged
      ? [
          ApiResponse({
            status: 503,
            description:
              "A cursor whose position this instance's read models did not reach in time: an HTML page; retry after `Retry-After`.",
            content: { 'text/html': { schema: { type: 'string' } } },
          }),
        ]
      : []),
  );
}
