import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { KafkaJSError } from 'kafkajs';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { EVENT_STORE } from '@dateline/event-store';
import type { EventStore } from '@dateline/event-store';
import { RelayService } from '@dateline/kafka';
import { ProjectorRunner, ReadModelPositions } from '@dateline/projections';
import { RequiresRole } from '../auth/requires-role.decorator';
import { BEARER, ErrorResponseDto } from '../http/api-docs';
import { AdminStatusDto, RebuildJobDto, ReplayResultDto } from './admin-responses.dto';
import { RebuildJobs } from './rebuild-jobs';
import { ReplayDto } from './replay.dto';

export class RebuildDto {
  /** Names of the projections to rebuild; all of them when absent. */
  @ApiPropertyOptional({ type: [String], example: ['timeline'], description: 'Projections to rebuild; all when absent.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  projections?: string[];
}

/** Operator routes: what an operator checks first, and the rebuild the CLI drives. */
@ApiTags('admin')
@ApiBearerAuth(BEARER)
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'No bearer token, or an unknown one.' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The token lacks the admin role.' })
@Controller('admin')
@RequiresRole('admin')
export class AdminController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorRunner,
    private readonly positions: ReadModelPositions,
    private readonly rebuilds: RebuildJobs,
    private readonly relay: RelayService,
  ) {}

  @Get('status')
  @ApiOperation({ summary: "The log's head and how far the read models are" })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'The event store cannot be reached.' })
  @ApiOkResponse({
    type: AdminStatusDto,
    description: '`{ log: { head }, roles, readModels: { position, caughtUp, projections, positions }, relay }`',
  })
  async status() {
    const [head, positions, relay] = await Promise.all([this.store.headPosition(), this.positions.positions(), this.relay.report()]);
    const position = Math.min(...positions.values());
    return {
      log: { head },
      roles: { projector: this.projector.role, relay: this.relay.role },
      readModels: { position, caughtUp: position >= head, projections: this.projector.names, positions: Object.fromEntries(positions) },
      relay,
    };
  }

  @Post('rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a blue/green rebuild of projections (all by default)' })
  @ApiAcceptedResponse({
    type: RebuildJobDto,
    description: 'The rebuild job: `{ id, projections, state, startedAt, progress }`; poll GET /admin/rebuild/{id}.',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Unknown projection names.' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A rebuild is already running.' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Body larger than DATELINE_BODY_LIMIT_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not application/json.' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'More writes than DATELINE_WRITE_RATE_LIMIT per minute for this token; retry after `Retry-After` seconds.',
  })
  rebuild(@Body() dto: RebuildDto) {
    const names = dto.projections ?? this.projector.names;
    const unknown = names.filter((n) => !this.projector.names.includes(n));
    if (unknown.length > 0 || names.length === 0)
      throw new BadRequestException([
        `unknown projection(s): ${unknown.join(', ') || '(none given)'}; known: ${this.projector.names.join(', ')}`,
      ]);
    return this.rebuilds.start([...names]);
  }

  /** Republishes a range of the log to another Kafka topic, in the relay's format. */
  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Republish log positions from..to (inclusive) to another Kafka topic, in the relay format' })
  @ApiOkResponse({ type: ReplayResultDto, description: '`{ toTopic, published, firstPosition, lastPosition }`' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: "A bad range or topic name, or one of the relay's own topics." })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Kafka is not configured (KAFKA_BROKERS).' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Body larger than DATELINE_BODY_LIMIT_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not application/json.' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'The broker cannot be reached.' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'More writes than DATELINE_WRITE_RATE_LIMIT per minute for this token; retry after `Retry-After` seconds.',
  })
  async replay(@Body() dto: ReplayDto) {
    const problems = this.relay.replayProblems(dto);
    if (problems.some((p) => p.startsWith('Kafka is not configured'))) throw new ConflictException(problems);
    if (problems.length > 0) throw new BadRequestException(problems);
    try {
      return await this.relay.replay(dto);
    } catch (err) {
      if (err instanceof KafkaJSError) throw new ServiceUnavailableException(`Kafka: ${err.message}`);
      throw err;
    }
  }

  @Get('rebuild/:id')
  @ApiOperation({ summary: 'A rebuild job and its progress' })
  @ApiOkResponse({ type: RebuildJobDto, description: 'The job: state running, done or failed, with progress.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The id is not a UUID.' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such rebuild.' })
  job(@Param('id', new ParseUUIDPipe()) id: string) {
    const job = this.rebuilds.get(id);
    if (!job) throw new NotFoundException(`no rebuild ${id}`);
    return job;
  }
}
