import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = '$property must be an ISO 3166-1 alpha-2 code such as UA';
const country = (example: string) => ApiPropertyOptional({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2', example });

export class PlaceDto {
  @ApiProperty({ maxLength: 200, example: 'Istanbul' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @country('TR') @IsOptional() @Matches(COUNTRY, { message: COUNTRY_MESSAGE }) country?: string;
}

export class ParticipantDto {
  @ApiProperty({ maxLength: 200, example: 'Rustem Umerov' }) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional({ maxLength: 300, example: 'Defense Minister of Ukraine' }) @IsOptional() @IsString() @MaxLength(300) role?: string;
  @country('UA') @IsOptional() @Matches(COUNTRY, { message: COUNTRY_MESSAGE }) country?: string;
}

export class QuoteDto {
  @ApiProperty({ maxLength: 5000 }) @IsString() @IsNotEmpty() @MaxLength(5000) text: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) speaker: string;
  @ApiProperty({ description: 'The text does not plainly attribute the quote; the speaker is inferred.' })
  @IsBoolean()
  speakerInferred: boolean;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) context?: string;
}
