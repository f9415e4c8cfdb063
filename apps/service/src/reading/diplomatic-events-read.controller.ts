import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CACHE_KEYS, DiplomaticEventQueries, ReadModelPositions } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import { SETTINGS } from '../storage/storage.tokens';
import type { HeaderSink } from './consistency';
import { nextLink, PageCursors } from './page-cursor';
import { PAGE_CURSORS, pagePosition } from './pages';
import { DEFAULT_PAGE_LIMIT, DiplomaticEventQueryDto } from './read-query.dto';
import { DiplomaticEventDto } from './read-responses.dto';
import { AggregateIdPipe } from '../http/aggregate-id.pipe';

@ApiTags('diplomatic events')
@Controller('diplomatic-events')
export class DiplomaticEventsReadController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly events: DiplomaticEventQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  @Get(':id')
  @ApiRead({
    summary: 'A diplomatic event: its current state (also when retracted) and full history',
    description: 'Its history in pages of `limit` changes, oldest first; every page has the state as of the first page.',
    type: DiplomaticEventDto,
    notFound: true,
    badRequest: 'minPosition, limit or cursor is malformed.',
    paged: true,
  })
  async get(
    @Param('id', new AggregateIdPipe('diplomatic event')) id: string,
    @Query() q: DiplomaticEventQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    const query = ['diplomatic-event', id.toLowerCase()];
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const after = cursor?.after[0];
    if (cursor && (typeof after !== 'number' || cursor.after.length !== 1))
      throw new BadRequestException(['cursor is not a cursor of this list: leave cursor out to start again']);
    const position = await pagePosition(this.positions, this.events.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const event = await this.events.diplomaticEvent(id, { at: position, ...(typeof after === 'number' ? { after } : {}), limit });
    if (!event) throw new NotFoundException(`diplomatic event ${id} not found`);
    const history = event.history.slice(0, limit);
    const next =
      event.history.length > limit ? this.cursors.encode({ at: position, after: [history[history.length - 1].version] }, query) : undefined;
    if (next) reply.header('Link', nextLink(request.url, next));
    surrogateKeys(reply, [CACHE_KEYS.event(id), ...event.storyIds.map(CACHE_KEYS.story)]);
    return { ...event, history, position, ...(next ? { next } : {}) };
  }
}
