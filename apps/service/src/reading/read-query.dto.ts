import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { EVENT_KINDS } from '@dateline/domain';
import { IsCalendarDate, IsInstant, IsTimeZone } from '../http/domain-validators';

/** `minPosition`: read your writes (DESIGN section 2). */
export class ConsistencyQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) minPosition?: number;
}

export class TimelineDayQueryDto extends ConsistencyQueryDto {
  @IsOptional() @IsInstant() asOf?: string;
  @IsOptional() @IsTimeZone() tz?: string;
  @IsOptional() @IsString() @MaxLength(200) participant?: string;
  @IsOptional() @IsIn(EVENT_KINDS) kind?: string;
  @IsOptional() @IsUUID('all') storyId?: string;
}

export class TimelineRangeQueryDto extends TimelineDayQueryDto {
  @IsCalendarDate() from: string;
  @IsCalendarDate() to: string;
}

export class DiffQueryDto extends ConsistencyQueryDto {
  @Type(() => Number) @IsInt() @Min(1) from: number;
  @Type(() => Number) @IsInt() @Min(1) to: number;
}
