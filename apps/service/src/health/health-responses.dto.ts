import { ApiProperty } from '@nestjs/swagger';

/**
 * Per indicator (eventStore, readModels, projections, quarantine, kafka): `{ status: 'up' | 'down', ... }`,
 * as @nestjs/terminus reports it.
 */
const indicators = (description: string) =>
  ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } }, required: ['status'] },
    description,
  });

/** A health probe's answer, in @nestjs/terminus's shape. */
export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status: string;
  @indicators('The indicators that are up.') info: Record<string, unknown>;
  @indicators('The indicators that are down.') error: Record<string, unknown>;
  @indicators('Every indicator.') details: Record<string, unknown>;
}

/** Readiness failed: the report (its `error` names what is down) in the error shape of the other routes. */
export class HealthUnavailableDto extends HealthReportDto {
  @ApiProperty({ example: 503 }) statusCode: number;
  @ApiProperty({ example: 'Service Unavailable Exception' }) message: string;
}
