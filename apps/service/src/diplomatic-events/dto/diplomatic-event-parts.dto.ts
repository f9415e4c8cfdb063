import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = '$property must be an ISO 3166-1 alpha-2 code such as UA';

export class PlaceDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsOptional() @Matches(COUNTRY, { message: COUNTRY_MESSAGE }) country?: string;
}

export class ParticipantDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsOptional() @IsString() @MaxLength(300) role?: string;
  @IsOptional() @Matches(COUNTRY, { message: COUNTRY_MESSAGE }) country?: string;
}

export class SourceDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @IsBoolean() hedged: boolean;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class QuoteDto {
  @IsString() @IsNotEmpty() @MaxLength(5000) text: string;
  @IsString() @IsNotEmpty() @MaxLength(200) speaker: string;
  @IsBoolean() speakerInferred: boolean;
  @IsOptional() @IsString() @MaxLength(500) context?: string;
}
