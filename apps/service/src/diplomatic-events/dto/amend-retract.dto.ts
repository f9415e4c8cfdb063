import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PublishedAt } from '../../writing/published-at';
import { DiplomaticEventChangesDto } from './diplomatic-event-fields.dto';

export class AmendDiplomaticEventDto {
  @ApiProperty({
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The version this change is based on; a stale one is a 409.',
    example: 1,
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedVersion: number;

  @ApiProperty({ type: DiplomaticEventChangesDto, description: 'Only the fields that change; null removes an optional field.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DiplomaticEventChangesDto)
  changes: DiplomaticEventChangesDto;

  @ApiProperty({ maxLength: 1000, example: 'Context' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;

  @PublishedAt()
  publishedAt?: string;
}

export class RetractDiplomaticEventDto {
  @ApiProperty({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, example: 2 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  expectedVersion: number;
  @ApiProperty({ maxLength: 1000, example: 'Duplicate' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
