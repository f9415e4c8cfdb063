import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateStoryDto {
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lowercase words joined by hyphens, e.g. istanbul-peace-talks' })
  @MaxLength(120)
  slug: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  headline: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  body: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  editorsNote?: string;

  @IsOptional()
  @IsBoolean()
  developing?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  byline?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  tags?: string[];
}
