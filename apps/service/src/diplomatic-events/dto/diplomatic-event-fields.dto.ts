import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DATE_CERTAINTIES, DATE_PRECISIONS, EVENT_KINDS } from '@dateline/domain';
import { ParticipantDto, PlaceDto, QuoteDto, SourceDto } from './diplomatic-event-parts.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';

/**
 * The optional fields of a diplomatic event: shape only. The domain checks the meaning (real
 * dates, IANA zones, occurredAt on occurredOn, CAMEO codes). In an amendment, `null` removes a field.
 */
export class OptionalEventFieldsDto {
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) occurredUntil?: string | null;
  @IsOptional() @IsString() @MaxLength(40) occurredAt?: string | null;
  @IsOptional() @IsString() @MaxLength(64) timezone?: string | null;
  @IsOptional() @IsIn(DATE_PRECISIONS) datePrecision?: 'day' | 'span' | null;
  @IsOptional() @IsIn(DATE_CERTAINTIES) dateCertainty?: 'explicit' | 'inferred' | null;
  @IsOptional() @IsString() @MaxLength(300) dateText?: string | null;
  @IsOptional() @IsString() @MaxLength(10_000) summary?: string | null;

  @IsOptional() @IsObject() @ValidateNested() @Type(() => PlaceDto) location?: PlaceDto | null;

  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ParticipantDto)
  participants?: ParticipantDto[] | null;

  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => SourceDto)
  sources?: SourceDto[] | null;

  @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => QuoteDto)
  quotes?: QuoteDto[] | null;

  @IsOptional() @Matches(/^\d{2,4}$/, { message: 'cameoCode must be a CAMEO code of 2 to 4 digits, e.g. 046' }) cameoCode?: string | null;

  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true }) storyIds?: string[] | null;
}

export class RecordDiplomaticEventDto extends OptionalEventFieldsDto {
  @IsString() @IsNotEmpty() @MaxLength(300) title: string;
  @IsIn(EVENT_KINDS) kind: string;
  @Matches(DATE, { message: DATE_MESSAGE }) occurredOn: string;
}

export class DiplomaticEventChangesDto extends OptionalEventFieldsDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string | null;
  @IsOptional() @IsIn(EVENT_KINDS) kind?: string | null;
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) occurredOn?: string | null;
}
