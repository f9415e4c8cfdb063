import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** POST /admin/replay: republish log positions from..to (inclusive) to another topic. */
export class ReplayDto {
  @ApiProperty({ description: 'First log position to republish (inclusive).', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  from!: number;

  @ApiPropertyOptional({ description: "Last position (inclusive); the log's head when absent.", minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  to?: number;

  @ApiProperty({ description: "Target topic; not one of the relay's own.", example: 'audit.copy' })
  @IsString()
  toTopic!: string;
}
