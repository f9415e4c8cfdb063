import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDecimalInteger } from '../http/domain-validators';
import { ConsistencyQueryDto, PAGE_LIMIT, pageCursor, PageQuery } from '../reading/read-query.dto';

/** Items in a feed unless `limit` says otherwise: what a feed reader polls, enough for a busy day. */
export const DEFAULT_FEED_LIMIT = 50;

/** A feed's page: `limit` (1 to 1,000, 50 by default) and the `cursor` of the page before. */
export class FeedQueryDto extends ConsistencyQueryDto implements PageQuery {
  @ApiPropertyOptional({
    type: Number,
    minimum: PAGE_LIMIT.min,
    maximum: PAGE_LIMIT.max,
    default: DEFAULT_FEED_LIMIT,
    description: 'At most this many items, newest first; the feed links the next (older) page. Decimal digits only.',
  })
  @IsOptional()
  @IsDecimalInteger(PAGE_LIMIT)
  limit?: number;

  @pageCursor() cursor?: string;
}
