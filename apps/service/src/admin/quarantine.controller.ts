import { BadRequestException, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ProjectorRunner, QuarantineOperations, QuarantineStatus } from '@dateline/projections';
import { RequiresRole } from '../auth/requires-role.decorator';
import { BEARER, ErrorResponseDto } from '../http/api-docs';
import { QuarantineListDto, QuarantinedEventDto, QuarantineRetryDto } from './admin-responses.dto';

/** Retry and skip take no input, but POST bodies are JSON (http/json-only.hook.ts): `{}`. */
const EMPTY_BODY = ApiBody({
  required: false,
  schema: { type: 'object', additionalProperties: false, example: {} },
  description: 'Nothing: send `{}`.',
});

const STATUSES: readonly QuarantineStatus[] = ['quarantined', 'skipped'];

/**
 * Events a projection could not apply (ADR 0008, runbook in docs/operations.md): list them,
 * retry one once its cause is fixed, or skip one (acknowledged: it no longer fails readiness).
 */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No bearer token, or an unknown one.' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The token lacks the admin role.' })
@Controller('admin/quarantine')
@RequiresRole('admin')
export class QuarantineController {
  constructor(
    private readonly quarantine: QuarantineOperations,
    private readonly projector: ProjectorRunner,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Events the projections quarantined, in log order' })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES, description: 'Only those quarantined (failing readiness) or skipped.' })
  @ApiOkResponse({ type: QuarantineListDto, description: 'The events, in log order.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'An unknown status.' })
  async list(@Query('status') status?: string) {
    if (status !== undefined && !STATUSES.includes(status as QuarantineStatus))
      throw new BadRequestException([`status must be one of ${STATUSES.join(', ')}`]);
    return { events: await this.quarantine.list(status as QuarantineStatus | undefined) };
  }

  @Post(':projection/:position/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply a quarantined event to its projection again, and the events of its stream that waited behind it' })
  @ApiParam({ name: 'projection', example: 'timeline' })
  @ApiParam({ name: 'position', description: "The event's log position" })
  @ApiOkResponse({
    type: QuarantineRetryDto,
    description: 'What left the quarantine, and what stays (a later event of the stream that fails on its own).',
  })
  @EMPTY_BODY
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'An unknown projection or a position that is not a positive integer.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No quarantined event there.' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Body larger than DATELINE_BODY_LIMIT_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not application/json (send `{}`).' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      'It still fails (nothing changed; the message has the error), was skipped, or waits behind an earlier event of its stream.',
  })
  retry(@Param('projection') projection: string, @Param('position') position: string) {
    return this.quarantine.retry(projection, this.checkPosition(projection, position));
  }

  @Post(':projection/:position/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge a quarantined event: it stays on record as skipped and no longer fails readiness' })
  @ApiParam({ name: 'projection', example: 'timeline' })
  @ApiParam({ name: 'position', description: "The event's log position" })
  @ApiOkResponse({ type: QuarantinedEventDto, description: 'The event, now with `status: "skipped"`.' })
  @EMPTY_BODY
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'An unknown projection or a position that is not a positive integer.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No quarantined event there.' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Body larger than DATELINE_BODY_LIMIT_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not application/json (send `{}`).' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already skipped.' })
  skip(@Param('projection') projection: string, @Param('position') position: string) {
    return this.quarantine.skip(projection, this.checkPosition(projection, position));
  }

  private checkPosition(projection: string, position: string): number {
    const problems: string[] = [];
    if (!this.projector.names.includes(projection))
      problems.push(`unknown projection ${projection}; known: ${this.projector.names.join(', ')}`);
    const n = /^[1-9][0-9]{0,15}$/.test(position) ? Number(position) : NaN;
    if (!Number.isSafeInteger(n)) problems.push('position must be a positive integer (a log position)');
    if (problems.length > 0) throw new BadRequestException(problems);
    return n;
  }
}
