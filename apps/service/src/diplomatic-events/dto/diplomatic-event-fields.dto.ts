import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
// Types only: the swc transform of the specs would otherwise emit their names as decorator metadata values.
import { DATE_CERTAINTIES, DATE_PRECISIONS, DATE_RANGE_TEXT, EVENT_KINDS } from '@dateline/domain';
import type { DateCertainty, DatePrecision, EventKind } from '@dateline/domain';
import { ParticipantDto, PlaceDto, QuoteDto, SourceDto } from './diplomatic-event-parts.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';
/**
 * The optional fields of a diplomatic event: shape only. The domain checks the meaning (real
 * dates in its accepted range, IANA zones, occurredAt on occurredOn, CAMEO codes, story ids, and
 * null where it means nothing). `removable`: in an amendment, `null` removes an optional field,
 * so the document says nullable there only; on create the domain refuses null, naming the field.
 * Lists are never nullable: `[]` empties one. Fields typed `string | null` name `type: String`:
 * TypeScript's metadata calls a union `Object`, and the document would say `object`.
 * `Removed` is `null` in an amendment and `never` on create, so that each DTO's type is exactly
 * the domain input it becomes (dto-domain.spec.ts); `@IsOptional` lets null through either way,
 * and the domain names it where it means nothing.
 */
function optionalEventFieldsDto<Removed extends null>(removable: boolean) {
  const nullable = removable ? ({ nullable: true } as const) : {};
  class OptionalEventFieldsDto {
    @ApiPropertyOptional({
      ...nullable,
      type: String,
      format: 'date',
      description: `Last possible day of a span (datePrecision span), ${DATE_RANGE_TEXT}.`,
      example: '2025-05-16',
    })
    @IsOptional()
    @Matches(DATE, { message: DATE_MESSAGE })
    occurredUntil?: string | Removed;
    @ApiPropertyOptional({
      ...nullable,
      type: String,
      description: `ISO 8601 instant with seconds and an offset (RFC 3339), ${DATE_RANGE_TEXT} in UTC; must fall on occurredOn in timezone.`,
      example: '2025-05-16T12:30:00+03:00',
    })
    @IsOptional()
    @IsString()
    @MaxLength(40)
    occurredAt?: string | Removed;
    @ApiPropertyOptional({ ...nullable, type: String, description: 'IANA time zone where it happened.', example: 'Europe/Istanbul' })
    @IsOptional()
    @IsString()
    @MaxLength(64)
    timezone?: string | Removed;
    @ApiPropertyOptional({ enum: DATE_PRECISIONS, default: 'day' })
    @IsOptional()
    @IsIn(DATE_PRECISIONS)
    datePrecision?: DatePrecision | Removed;
    @ApiPropertyOptional({ enum: DATE_CERTAINTIES, default: 'explicit', description: '`inferred`: the report does not state the date.' })
    @IsOptional()
    @IsIn(DATE_CERTAINTIES)
    dateCertainty?: DateCertainty | Removed;
    @ApiPropertyOptional({
      ...nullable,
      type: String,
      maxLength: 300,
      description: "The report's own words for when.",
      example: 'earlier in the day',
    })
    @IsOptional()
    @IsString()
    @MaxLength(300)
    dateText?: string | Removed;
    @ApiPropertyOptional({ ...nullable, type: String, maxLength: 10_000 })
    @IsOptional()
    @IsString()
    @MaxLength(10_000)
    summary?: string | Removed;

    @ApiPropertyOptional({ ...nullable, type: PlaceDto })
    @IsOptional()
    @IsObject()
    @ValidateNested()
    @Type(() => PlaceDto)
    location?: PlaceDto | Removed;

    @ApiPropertyOptional({ type: [ParticipantDto], maxItems: 200 })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(200)
    @ValidateNested({ each: true })
    @Type(() => ParticipantDto)
    participants?: ParticipantDto[] | Removed;

    @ApiPropertyOptional({ type: [SourceDto], maxItems: 100 })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(100)
    @ValidateNested({ each: true })
    @Type(() => SourceDto)
    sources?: SourceDto[] | Removed;

    @ApiPropertyOptional({ type: [QuoteDto], maxItems: 100 })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(100)
    @ValidateNested({ each: true })
    @Type(() => QuoteDto)
    quotes?: QuoteDto[] | Removed;

    @ApiPropertyOptional({
      ...nullable,
      type: String,
      pattern: '^\\d{2,4}$',
      description: 'A code of the CAMEO 1.1b3 codebook.',
      example: '046',
    })
    @IsOptional()
    @Matches(/^\d{2,4}$/, { message: 'cameoCode must be a CAMEO code of 2 to 4 digits, e.g. 046' })
    cameoCode?: string | Removed;

    @ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: 100,
      uniqueItems: true,
      description: 'Stories this fact belongs to: ids of existing stories, each once.',
    })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(100)
    @IsUUID('all', { each: true })
    storyIds?: string[] | Removed;
  }
  return OptionalEventFieldsDto;
}

export class RecordDiplomaticEventDto extends optionalEventFieldsDto<never>(false) {
  @ApiProperty({ maxLength: 300, example: 'Ukrainian and Russian delegations open direct talks in Istanbul' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
  @ApiProperty({ enum: EVENT_KINDS, example: 'talks' })
  @IsIn(EVENT_KINDS)
  kind: EventKind;
  @ApiProperty({
    format: 'date',
    description: `Local calendar date where it happened, ${DATE_RANGE_TEXT}; for a span, its first possible day.`,
    example: '2025-05-16',
  })
  @Matches(DATE, { message: DATE_MESSAGE })
  occurredOn: string;
}

export class DiplomaticEventChangesDto extends optionalEventFieldsDto<null>(true) {
  @ApiPropertyOptional({ type: String, maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string | null;
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind | null;
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  occurredOn?: string | null;
}
