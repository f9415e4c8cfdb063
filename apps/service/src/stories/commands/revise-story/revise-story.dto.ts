import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class ReviseStoryDto {
  @IsInt()
  @Min(1)
  expectedRevision: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  headline?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200_000)
  body?: string;

  /** An empty string removes the note. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  editorsNote?: string;

  @IsOptional()
  @IsBoolean()
  developing?: boolean;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  changeNote: string;

  @IsOptional()
  @IsIn(['update', 'correction'])
  kind?: 'update' | 'correction';
}
