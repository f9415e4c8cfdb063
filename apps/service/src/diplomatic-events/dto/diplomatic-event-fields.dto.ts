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
import { EVENT_KINDS, FACT_STATUSES } from '@dateline/domain';
import type { EventKind, FactDate, FactStatus } from '@dateline/domain';
import { AboutDateDto, AttributedSourceDto, FactDateDto, factDate, FactRelationDto } from './date-knowledge.dto';
import { ParticipantDto, PlaceDto, QuoteDto } from './diplomatic-event-parts.dto';
import { PublishedAt } from '../../writing/published-at';
import { IsLanguageTag } from '../../http/domain-validators';

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
    @ApiPropertyOptional({ enum: FACT_STATUSES, default: 'happened', description: 'Whether it took place: `expected` for a plan.' })
    @IsOptional()
    @IsIn(FACT_STATUSES)
    status?: FactStatus | Removed;

    @ApiPropertyOptional({ type: [FactRelationDto], maxItems: 100, description: 'Order against other facts of its stories.' })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(100)
    @ValidateNested({ each: true })
    @Type(() => FactRelationDto)
    relations?: FactRelationDto[] | Removed;

    @ApiPropertyOptional({ type: [AboutDateDto], maxItems: 50, description: 'Dates the fact is about, apart from when it happened.' })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(50)
    @ValidateNested({ each: true })
    @Type(() => AboutDateDto)
    about?: AboutDateDto[] | Removed;

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

    @ApiPropertyOptional({ type: [AttributedSourceDto], maxItems: 100 })
    @IsOptional()
    @IsArray()
    @ArrayMaxSize(100)
    @ValidateNested({ each: true })
    @Type(() => AttributedSourceDto)
    sources?: AttributedSourceDto[] | Removed;

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

    @ApiPropertyOptional({
      ...nullable,
      type: String,
      maxLength: 64,
      description:
        'The language the fact is written in: a BCP 47 tag. The reader page marks the fact with it where it differs from the page language.',
      example: 'uk',
    })
    @IsOptional()
    @IsLanguageTag()
    language?: string | Removed;
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
  @ApiProperty({ type: FactDateDto, description: 'When it happened, no more precisely than the text says.' })
  @factDate()
  when: FactDate;
  @PublishedAt()
  publishedAt?: string;
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
  @ApiPropertyOptional({ type: FactDateDto, description: 'The whole new date.' })
  @IsOptional()
  @factDate()
  when?: FactDate | null;
}
