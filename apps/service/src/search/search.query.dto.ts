import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IntegerRange, MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '@dateline/domain';
import { IsDecimalInteger } from '../http/domain-validators';
import { ConsistencyQueryDto, pageCursor, PageQuery } from '../reading/read-query.dto';

/** Results per page of a search: fewer than other lists, as each result carries its marked passages. */
export const SEARCH_LIMIT: IntegerRange = { min: 1, max: 100, what: 'a page size' };
export const DEFAULT_SEARCH_LIMIT = 20;

/** `GET /search` (JSON, and the reader's results page): what to search for, and which page. */
export class SearchQueryDto extends ConsistencyQueryDto implements PageQuery {
  // Checked by searchTextProblem (empty, too long, too many words), so that each problem has its own message.
  @ApiProperty({
    description: `What to search for: words or names, at most ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} words. Every word must be found (or a word it begins: "Zelen" finds "Zelensky"), without regard to case or accents; a text of four letters or more also finds names like it ("Zelenskyy" finds "Zelensky").`,
    example: 'Rubio',
    maxLength: MAX_SEARCH_LENGTH,
  })
  @IsOptional()
  @IsString()
  q?: string;

  @ApiPropertyOptional({
    type: Number,
    minimum: SEARCH_LIMIT.min,
    maximum: SEARCH_LIMIT.max,
    default: DEFAULT_SEARCH_LIMIT,
    description: 'At most this many results in the answer; `next` (and the `Link` header) lead to the next page. Decimal digits only.',
  })
  @IsOptional()
  @IsDecimalInteger(SEARCH_LIMIT)
  limit?: number;

  @pageCursor() cursor?: string;
}
