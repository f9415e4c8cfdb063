import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What the admin routes answer, for the OpenAPI document (the shapes are built in AdminController, RebuildJobs and the relay). */

const ROLE = { enum: ['leader', 'standby', 'off'] } as const;

class LogHeadDto {
  @ApiProperty({ description: "The log's last position.", example: 42 }) head: number;
}

class RolesDto {
  @ApiProperty({ ...ROLE, description: 'Whether this process runs the projector.' }) projector: string;
  @ApiProperty({ ...ROLE, description: 'Whether this process runs the Kafka relay.' }) relay: string;
}

class ReadModelsStatusDto {
  @ApiProperty({ description: 'The log position every read model reached (the smallest of `positions`).', example: 42 }) position: number;
  @ApiProperty({ description: 'Whether every read model reached the head of the log.' }) caughtUp: boolean;
  @ApiProperty({ type: [String], example: ['timeline', 'story-revisions', 'event-history'] }) projections: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: "Each read model's position: a read waits only for the read models it reads (docs/adr/0012-read-model-positions.md).",
    example: { timeline: 42, 'story-revisions': 42, 'event-history': 42 },
  })
  positions: Record<string, number>;
}

class RelayErrorDto {
  @ApiProperty() message: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** The relay's report: `enabled: false` with a `reason`, or its position, lag and broker state. */
export class RelayReportDto {
  @ApiProperty() enabled: boolean;
  @ApiPropertyOptional({ example: 'KAFKA_BROKERS is not set' }) reason?: string;
  @ApiPropertyOptional({ description: 'Log position the broker acknowledged.' }) position?: number;
  @ApiPropertyOptional() head?: number;
  @ApiPropertyOptional() lagEvents?: number;
  @ApiPropertyOptional() lagCapped?: boolean;
  @ApiPropertyOptional() lagSeconds?: number;
  @ApiPropertyOptional() connected?: boolean;
  @ApiPropertyOptional({ description: 'Messages published since this process started.' }) published?: number;
  @ApiPropertyOptional() skippedAsAlreadyPublished?: number;
  @ApiPropertyOptional({ type: RelayErrorDto }) lastError?: RelayErrorDto;
}

export class AdminStatusDto {
  @ApiProperty({ type: LogHeadDto }) log: LogHeadDto;
  @ApiProperty({ type: RolesDto }) roles: RolesDto;
  @ApiProperty({ type: ReadModelsStatusDto }) readModels: ReadModelsStatusDto;
  @ApiProperty({ type: RelayReportDto }) relay: RelayReportDto;
}

class RebuildProgressDto {
  @ApiProperty({ type: [String] }) projections: string[];
  @ApiProperty({ description: 'Events replayed so far.' }) processed: number;
  @ApiProperty({ description: 'Events to replay.' }) total: number;
  @ApiProperty({ description: 'Log position reached.' }) position: number;
  @ApiProperty() eventsPerSecond: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null until it can be estimated.' }) etaSeconds: number | null;
}

export class RebuildJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [String], example: ['timeline'] }) projections: string[];
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) state: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiPropertyOptional({ description: 'Why it failed.' }) error?: string;
  @ApiProperty({ type: RebuildProgressDto }) progress: RebuildProgressDto;
}

export class ReplayResultDto {
  @ApiProperty({ example: 'audit.copy' }) toTopic: string;
  @ApiProperty({ description: 'Messages published.' }) published: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the range held no event.' }) firstPosition: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the range held no event.' }) lastPosition: number | null;
}

/** An event a projection could not apply (ADR 0008). */
export class QuarantinedEventDto {
  @ApiProperty({ example: 'timeline' }) projection: string;
  @ApiProperty({ description: "The event's log position.", example: 42 }) position: number;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'DiplomaticEventRecorded' }) type: string;
  @ApiProperty({ example: 'diplomatic-event-0f0c…' }) streamId: string;
  @ApiProperty({ description: 'What the projection threw.' }) error: string;
  @ApiProperty({ type: String, nullable: true, description: 'The SQLSTATE when a statement failed.' }) sqlState: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Set when this event did not fail itself but waits behind that earlier event of its stream.',
  })
  waitsBehind: number | null;
  @ApiProperty({ enum: ['quarantined', 'skipped'] }) status: string;
  @ApiProperty({ format: 'date-time' }) quarantinedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) skippedAt: string | null;
}

export class QuarantineListDto {
  @ApiProperty({ type: [QuarantinedEventDto], description: 'In log order.' }) events: QuarantinedEventDto[];
}

export class QuarantineRetryDto {
  @ApiProperty({
    type: [QuarantinedEventDto],
    description: 'What left the quarantine: the event, and the events of its stream that waited behind it.',
  })
  applied: QuarantinedEventDto[];
  @ApiProperty({ type: [QuarantinedEventDto], description: 'What stays: a later event of the stream that fails on its own.' })
  remaining: QuarantinedEventDto[];
}
