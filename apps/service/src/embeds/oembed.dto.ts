import { PageLang } from '../reader-page/reader-page.query.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IntegerRange } from '@dateline/domain';
import { IsDecimalInteger } from '../http/domain-validators';
import { ConsistencyQueryDto, pageLimit } from '../reading/read-query.dto';

/** oEmbed's maxwidth and maxheight, in CSS pixels. */
export const OEMBED_SIZE: IntegerRange = { min: 1, max: 10_000, what: 'a size in pixels' };

/** `GET /oembed` (oEmbed 1.0, section 2.2): the URL of one of our stories, and the consumer's limits. */
export class OEmbedQueryDto {
  @ApiProperty({
    description:
      'The address of a story on this service: its page (`/stories/<slug or id>`), its timeline (`/stories/<slug>/timeline`) or its embed (`/embed/stories/<slug>`), as an absolute URL.',
    example: 'http://127.0.0.1:3000/stories/istanbul-peace-talks-2025',
  })
  @IsString({ message: 'url is required: the absolute URL of a story on this service' })
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ enum: ['json', 'xml'], default: 'json', description: '`json`; `xml` is answered 501 (JSON only).' })
  @IsOptional()
  @IsIn(['json', 'xml'], { message: 'format must be json (or xml, which this provider does not offer)' })
  format?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: OEMBED_SIZE.min,
    maximum: OEMBED_SIZE.max,
    description: 'The widest the embed may be, px.',
  })
  @IsOptional()
  @IsDecimalInteger(OEMBED_SIZE)
  maxwidth?: number;

  @ApiPropertyOptional({
    type: Number,
    minimum: OEMBED_SIZE.min,
    maximum: OEMBED_SIZE.max,
    description: 'The tallest the embed may be, px: the frame scrolls inside beyond it.',
  })
  @IsOptional()
  @IsDecimalInteger(OEMBED_SIZE)
  maxheight?: number;
}

/** The oEmbed answer of a story: a `rich` type (oEmbed 1.0, sections 2.3.4 and 2.3.4.4). */
export class OEmbedDto {
  @ApiProperty({ enum: ['rich'] }) type: 'rich';
  @ApiProperty({ enum: ['1.0'] }) version: '1.0';
  @ApiProperty({ description: "The story's headline." }) title: string;
  @ApiProperty({ example: 'Dateline' }) provider_name: string;
  @ApiProperty({ description: "This service's address." }) provider_url: string;
  @ApiProperty({
    description:
      'An iframe of the embed (`/embed/stories/<slug>`) and the script that sizes it to its content (`/assets/embed-host.js`); docs/embeds.md.',
  })
  html: string;
  @ApiProperty({ description: 'px: 640, or maxwidth when smaller.' }) width: number;
  @ApiProperty({ description: 'px before the script sizes it to its content: 600, or maxheight when smaller.' }) height: number;
  @ApiPropertyOptional({ description: "The story's byline, when it has one." }) author_name?: string;
}

/** `GET /embed/stories/:id`: how many entries the embed shows at most (then it links to the whole timeline). */
export class EmbedQueryDto extends ConsistencyQueryDto {
  @pageLimit() limit?: number;
  @PageLang() lang?: string;
}
