import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ATTRIBUTIONS, DATE_RANGE_TEXT, FACT_DATE_CERTAINTIES, FACT_DATE_PRECISIONS, FACT_RELATIONS } from '@dateline/domain';
// Types only: the swc transform of the specs would otherwise emit their names as decorator metadata values.
import type { Attribution, FactDate, FactDateCertainty, FactDatePrecision, FactRelationKind } from '@dateline/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';
const date = (description: string) => ApiPropertyOptional({ type: String, format: 'date', description, example: '2025-05-16' });

/**
 * When a fact happened (docs/adr/0013-date-knowledge-v2.md), shape only: one class with the
 * fields of every precision, since a body names its precision in a field. Which fields go with
 * which precision, real dates and `at` on `on` are the domain's (factDateProblems), each
 * problem named by its path (`when.until is not allowed with precision day`).
 */
export class FactDateDto {
  @ApiProperty({ enum: FACT_DATE_PRECISIONS, example: 'day' }) @IsIn(FACT_DATE_PRECISIONS) precision: FactDatePrecision;
  @ApiProperty({ enum: FACT_DATE_CERTAINTIES, description: '`inferred`: the text does not state it; an editor worked it out.' })
  @IsIn(FACT_DATE_CERTAINTIES)
  certainty: FactDateCertainty;
  @ApiPropertyOptional({
    type: String,
    description: `day: YYYY-MM-DD; month: YYYY-MM; year: YYYY; ${DATE_RANGE_TEXT}.`,
    example: '2025-05-16',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  on?: string;
  @ApiPropertyOptional({
    type: String,
    description: 'day only: RFC 3339 instant that falls on `on` in `timezone`.',
    example: '2025-05-16T12:30:00+03:00',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  at?: string;
  @date('period: its first day.') @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) from?: string;
  @date('period: its last day.') @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) until?: string;
  @date('bounded: the earliest day it can have happened on.') @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) onOrAfter?: string;
  @date('bounded: the latest day it can have happened on.') @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) onOrBefore?: string;
  @ApiPropertyOptional({ maxLength: 300, description: "The text's own words for when.", example: 'earlier in the day' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  wording?: string;
  @ApiPropertyOptional({
    maxLength: 64,
    description: 'IANA zone of the place, whose calendar the dates are in.',
    example: 'Europe/Istanbul',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
}

/** Validates a FactDate field: the property is typed as the domain's FactDate, which the domain then checks per precision. */
export const factDate = (): PropertyDecorator => {
  const decorators = [IsObject(), ValidateNested(), Type(() => FactDateDto)];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

export class FactRelationDto {
  @ApiProperty({ enum: FACT_RELATIONS, description: 'This fact is before, after or the same day as the other.' })
  @IsIn(FACT_RELATIONS)
  relation: FactRelationKind;
  @ApiProperty({ format: 'uuid', description: 'Another fact of a story this fact belongs to.' }) @IsUUID('all') fact: string;
}

export class AboutDateDto {
  @ApiProperty({ maxLength: 300, example: 'ceasefire proposed to start' }) @IsString() @IsNotEmpty() @MaxLength(300) label: string;
  @ApiProperty({ type: FactDateDto }) @factDate() date: FactDate;
}

export class AttributedSourceDto {
  @ApiProperty({ enum: ATTRIBUTIONS, example: 'named-source' }) @IsIn(ATTRIBUTIONS) attribution: Attribution;
  @ApiPropertyOptional({ maxLength: 200, example: 'Sky News', description: 'Required for named-source and party-claim.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ maxLength: 500, example: 'according to Sky News', description: "The article's own words." })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  wording?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}
