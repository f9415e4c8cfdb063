import { PublishedAt } from '../../../writing/published-at';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotBlank } from '../../../http/text-validators';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsLanguageTag } from '../../../http/domain-validators';

export class CreateStoryDto {
  @ApiProperty({ example: 'istanbul-peace-talks-2025', maxLength: 120, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lowercase words joined by hyphens, e.g. istanbul-peace-talks' })
  @MaxLength(120)
  slug: string;

  @ApiProperty({ example: 'Ukraine and Russia meet in Istanbul for their first direct talks since 2022', maxLength: 300 })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  headline: string;

  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines.', maxLength: 200_000 })
  @IsString()
  @IsNotBlank()
  @MaxLength(200_000)
  body: string;

  @ApiPropertyOptional({ example: 'This report is being updated as news comes in.', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  editorsNote?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  developing?: boolean;

  @ApiPropertyOptional({ example: 'Kateryna Hodunova', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  byline?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 50, example: ['ukraine', 'ceasefire'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];

  @PublishedAt()
  publishedAt?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description:
      'The language the story is written in: a BCP 47 tag, set with the story. Its page marks its text with it where it differs from the page language.',
    example: 'en',
  })
  @IsOptional()
  @IsLanguageTag()
  language?: string;
}
