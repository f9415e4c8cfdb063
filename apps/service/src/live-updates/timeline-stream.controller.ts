import { BadRequestException, Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ReadModelPositions, TimelineChangesQueries } from '@dateline/projections';
import { ErrorResponseDto } from '../http/api-docs';
import { resumePosition } from './sse';
import { TimelineStreamHub } from './timeline-stream.hub';

/** Seconds a refused client is asked to wait: the places free up as readers leave, not at once. */
const FULL_RETRY_AFTER_SECONDS = 10;

export class TimelineStreamQueryDto {
  @ApiPropertyOptional({
    description:
      'Send every change after this log position (the `position` a read answered). Default: from now on. A `Last-Event-ID` header wins.',
    example: '1234',
  })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'since must be a log position (a non-negative integer)' })
  since?: string;
}

@ApiTags('timeline')
@ApiExtraModels(ErrorResponseDto)
@Controller('timeline')
export class TimelineStreamController {
  constructor(
    private readonly hub: TimelineStreamHub,
    private readonly positions: ReadModelPositions,
    private readonly changes: TimelineChangesQueries,
  ) {}

  @Get('stream')
  @ApiOperation({
    summary: 'Live timeline changes (Server-Sent Events)',
    description: [
      'A `text/event-stream` of timeline changes as the projections apply them, in log order.',
      'Each event has `id:` = its log position; reconnect with `Last-Event-ID` (EventSource does) to miss nothing.',
      '`event: entry`, data `{ position, domId, dayHeading, entry, html }`: a new entry or a new version of one (`entry` as in GET /timeline; `html` is the markup the reader page shows).',
      '`event: retracted`, data `{ position, id, version, domId }`: a diplomatic event left the timeline.',
      'A `: heartbeat` comment keeps idle connections open (every 15 s by default, `DATELINE_SSE_HEARTBEAT_MS`).',
      'A client that stops reading is disconnected once more than `DATELINE_SSE_BUFFER_BYTES` wait for it; it resumes with `Last-Event-ID`. At most `DATELINE_SSE_MAX_STREAMS` streams are open at once.',
    ].join('\n\n'),
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'The id (log position) of the last event received; the stream resumes after it.',
  })
  @ApiOkResponse({
    description: 'The stream; it stays open.',
    content: { 'text/event-stream': { schema: { type: 'string', example: 'id: 42\nevent: entry\ndata: {"position":42,...}\n\n' } } },
  })
  // Before the stream opens: JSON errors, whatever the route produces when it succeeds.
  @ApiResponse({
    status: 400,
    description: '`since` or `Last-Event-ID` is not a log position.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
  })
  @ApiResponse({
    status: 503,
    description: '`DATELINE_SSE_MAX_STREAMS` streams are open already; retry after `Retry-After` seconds.',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) } } },
  })
  async stream(
    @Query() q: TimelineStreamQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const resume = resumePosition(lastEventId, q.since);
    if (resume.error) throw new BadRequestException([resume.error]);
    const after = resume.position ?? (await this.positions.position(this.changes.readModels));
    // No await from here to hub.open(): the place admitted is the one taken.
    if (!this.hub.admit()) {
      await reply
        .code(503)
        .header('Retry-After', String(FULL_RETRY_AFTER_SECONDS))
        .send({
          statusCode: 503,
          error: 'Service Unavailable',
          message: `too many live streams open (at most ${this.hub.capacity}); retry after the time in Retry-After`,
        });
      return;
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Tells nginx-style proxies not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    this.hub.open(reply.raw, after);
  }
}
