import { PublishedAt } from '../../../writing/published-at';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '../../../http/text-validators';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { REVISION_KINDS } from '@dateline/domain';
import type { RevisionKind } from '@dateline/domain';

export class ReviseStoryDto {
  @ApiProperty({
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The revision this change is based on; a stale one is a 409.',
    example: 1,
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedRevision: number;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  headline?: string;

  @ApiPropertyOptional({ maxLength: 200_000 })
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(200_000)
  body?: string;

  /** An empty string removes the note. */
  @ApiPropertyOptional({ maxLength: 1000, description: 'An empty string removes the note.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  editorsNote?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  developing?: boolean;

  @ApiProperty({ maxLength: 1000, example: 'Added the last-minute accusation' })
  @IsString()
  @IsNotBlank()
  @MaxLength(1000)
  changeNote: string;

  @ApiPropertyOptional({ enum: ['update', 'correction'], default: 'update' })
  @IsOptional()
  @IsIn(REVISION_KINDS)
  kind?: RevisionKind;

  @PublishedAt()
  publishedAt?: string;
}
