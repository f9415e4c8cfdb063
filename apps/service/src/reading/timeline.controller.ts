import { BadRequestException, Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { isCalendarDate, MAX_RANGE_DAYS, readRangeProblem } from '@dateline/domain';
import { ApiExtraModels, ApiParam, ApiTags } from '@nestjs/swagger';
import { CACHE_KEYS, PageKey, ReadModelPositions, StoredEntry, TimelinePage, TimelineQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import { SETTINGS } from '../storage/storage.tokens';
import type { HeaderSink } from './consistency';
import { Cursor, nextLink, PageCursors } from './page-cursor';
import { asJson, jsonObject, PAGE_CURSORS, pagePosition } from './pages';
import { DEFAULT_PAGE_LIMIT, TimelineDayQueryDto, TimelineFilterQueryDto, TimelineRangeQueryDto } from './read-query.dto';
import { EXTRA_READ_MODELS, TimelineDayDto, TimelineRangeDto } from './read-responses.dto';

/**
 * The timeline's JSON. Entries are sent as the read model stores them (their JSON text, in
 * stored order: docs/adr/0015-entries-ready-to-send.md), so an answer is assembled as text.
 */
@ApiTags('timeline')
@ApiExtraModels(...EXTRA_READ_MODELS)
@Controller('timeline')
export class TimelineController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly timeline: TimelineQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  @Get()
  @ApiRead({
    summary: 'The timeline of a date range, grouped by day',
    description:
      'Every fact that can fall in the range, and every date a fact is about that can (docs/dates.md section 3), each on the day whose page shows it and with its `dating`; story revisions on the day they were published (in `tz`). `asOf` answers as the system had recorded it then; `asPublished` as the newsroom had published it then. In pages of `limit` entries (a day may continue on the next page).',
    type: TimelineRangeDto,
    badRequest: `from or to missing or not a real date, from after to, a range over ${MAX_RANGE_DAYS} days, a bad limit or cursor, or another malformed parameter.`,
    paged: true,
  })
  async range(@Query() q: TimelineRangeQueryDto, @Req() request: { url: string }, @Res({ passthrough: true }) reply: HeaderSink) {
    const rangeProblem = readRangeProblem(q.from, q.to);
    if (rangeProblem) throw new BadRequestException([rangeProblem]);
    const query = ['timeline-range', q.from, q.to, ...filterIdentity(q)];
    const { page, position, next } = await this.read(q.from, q.to, { ...q, match: 'can-fall-in' }, query, q, reply, request);
    const days: { date: string; entries: StoredEntry[] }[] = [];
    for (const e of page.entries) {
      const last = days.at(-1);
      if (last?.date === e.date) last.entries.push(e);
      else days.push({ date: e.date, entries: [e] });
    }
    // A range can gain entries filed on days outside it ("on or before" a later day): it is purged with every timeline change.
    surrogateKeys(reply, [CACHE_KEYS.timeline, ...days.map((d) => CACHE_KEYS.day(d.date)), ...storyKeys(page.entries)]);
    return asJson(
      reply,
      jsonObject([
        ['from', JSON.stringify(q.from)],
        ['to', JSON.stringify(q.to)],
        ['position', String(position)],
        ...asOfs(q),
        [
          'days',
          `[${days
            .map((d) =>
              jsonObject([
                ['date', JSON.stringify(d.date)],
                ['entries', entriesText(d.entries)],
              ]),
            )
            .join(',')}]`,
        ],
        ['next', next && JSON.stringify(next)],
      ]),
    );
  }

  @Get(':date')
  @ApiParam({ name: 'date', format: 'date', example: '2025-05-16' })
  @ApiRead({
    summary: 'The timeline of one day',
    description:
      'What is filed on the day (docs/dates.md): facts that happened on it, facts known only within bounds whose latest possible day it is (under their heading), dates facts are about, and story revisions published on it (in `tz`). In pages of `limit` entries.',
    type: TimelineDayDto,
    badRequest: 'date is not a real calendar date, a bad limit or cursor, or a query parameter is malformed.',
    paged: true,
  })
  async day(
    @Param('date') date: string,
    @Query() q: TimelineDayQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    if (!isCalendarDate(date)) throw new BadRequestException(['date must be a real calendar date YYYY-MM-DD']);
    const query = ['timeline-day', date, ...filterIdentity(q)];
    const { page, position, next } = await this.read(date, date, q, query, q, reply, request);
    // Not its entries' stories: what changes a day's answer changes an entry filed on it, which names the day (ADR 0006).
    surrogateKeys(reply, [CACHE_KEYS.day(date)]);
    return asJson(
      reply,
      jsonObject([
        ['date', JSON.stringify(date)],
        ['position', String(position)],
        ...asOfs(q),
        ['entries', entriesText(page.entries)],
        ['next', next && JSON.stringify(next)],
      ]),
    );
  }

  /** A page of the timeline: at the first page's position, after the cursor's key; its Link header and next cursor. */
  private async read(
    from: string,
    to: string,
    timelineQuery: Parameters<TimelineQueries['page']>[2],
    query: readonly unknown[],
    q: { minPosition?: number; limit?: number; cursor?: string },
    reply: HeaderSink,
    request: { url: string },
  ): Promise<{ page: TimelinePage; position: number; next?: string }> {
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const position = await pagePosition(this.positions, this.timeline.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const page = await this.timeline.page(from, to, timelineQuery, {
      at: position,
      ...(cursor ? { after: timelineKey(cursor) } : {}),
      limit: q.limit ?? DEFAULT_PAGE_LIMIT,
    });
    const next = page.next && this.cursors.encode({ at: position, after: [page.next.sortKey, page.next.orderKey] }, query);
    if (next) reply.header('Link', nextLink(request.url, next));
    return { page, position, ...(next ? { next } : {}) };
  }
}

/** What a timeline answer depends on besides its range and page: a cursor belongs to these. */
function filterIdentity(q: TimelineFilterQueryDto): unknown[] {
  return [q.asOf ?? null, q.asPublished ?? null, q.tz ?? null, q.participant ?? null, q.kind ?? null, q.storyId ?? null];
}

/** A timeline cursor's key: its heading's sort key and its order key (cursors of other lists do not reach here: their query differs). */
function timelineKey(cursor: Cursor): PageKey {
  const [sortKey, orderKey] = cursor.after;
  if (typeof sortKey !== 'string' || typeof orderKey !== 'string' || cursor.after.length !== 2)
    throw new BadRequestException(['cursor is not a cursor of this list: leave cursor out to start again']);
  return { sortKey, orderKey };
}

function asOfs(q: { asOf?: string; asPublished?: string }): [string, string | undefined][] {
  return [
    ['asOf', q.asOf && JSON.stringify(q.asOf)],
    ['asPublished', q.asPublished && JSON.stringify(q.asPublished)],
  ];
}

const entriesText = (entries: readonly StoredEntry[]): string => `[${entries.map((e) => e.json).join(',')}]`;

const storyKeys = (entries: readonly StoredEntry[]): string[] => entries.flatMap((e) => e.storyIds.map(CACHE_KEYS.story));
