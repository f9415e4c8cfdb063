import {
  BadRequestException,
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { PageKey } from '@dateline/projections';
import { RouteConstraints } from '@nestjs/platform-fastify';
import { ApiExcludeEndpoint, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { readRangeProblem, TimelineEntry } from '@dateline/domain';
import {
  CACHE_KEYS,
  ReadModelPositions,
  StoryQueries,
  StoryRevisionsQueries,
  TimelineEntriesQueries,
  TimelineQueries,
} from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiHtmlPage } from '../http/api-docs';
import { readPosition, type HeaderSink } from '../reading/consistency';
import { Cursor, PageCursors } from '../reading/page-cursor';
import { PAGE_CURSORS, pagePosition } from '../reading/pages';
import { DEFAULT_PAGE_LIMIT } from '../reading/read-query.dto';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import { queryString } from './html';
import { SETTINGS } from '../storage/storage.tokens';
import { ACCEPTS_HTML } from './content-negotiation';
import { HtmlErrorsFilter } from './html-errors.filter';
import { StoryPageQueryDto, TimelinePageQueryDto } from './reader-page.query.dto';
import { READER_SCRIPT } from './reader-script';
import { readerPageHeaders } from './reader-page-headers';
import { renderStoryPage } from './templates/story-page.template';
import { renderTimelinePage } from './templates/timeline-page.template';
import { storyPageView } from './view-models/story-page.view-model';
import { DayPage, PointInTime, timelinePageView } from './view-models/timeline-page.view-model';
import { RevisionTimes, revisionTimeKey } from './view-models/provenance-words';
import { StoryAddresses, storyNotFound } from '../stories/story-addresses';
import { entryOrder, factsNamedOnly, parsedOnDay, storyIdsOf } from './page-entries';
import { storyReach } from './view-models/story-reach';
import { PAGE_LANGUAGES } from './messages/catalogue';
import type { Messages } from './messages/messages';
import type { LanguageRequest } from './messages/request-language';
import { languageLinks, requestMessages } from './messages/request-language';

/** What a page handler reads of its request besides the query: the language's headers and its URL, for the `hreflang` links. */
type PageRequest = LanguageRequest & { readonly url: string };

/** Days with entries per page of the timeline. */
export const DAYS_PER_PAGE = 14;

/** A reader page's headers, and the language it is in. */
function pageHeaders(reply: HeaderSink, m: Messages): void {
  readerPageHeaders(reply);
  reply.header('Content-Language', m.lang);
}

/**
 * The reader pages: server-rendered HTML that works without JavaScript (the script only adds
 * live updates). `/stories/:id` shares its path with the JSON API: browsers (Accept prefers
 * text/html) are routed here by a Fastify route constraint, everyone else gets JSON.
 */
@ApiTags('reader pages')
@Controller()
@UseFilters(HtmlErrorsFilter)
export class ReaderPageController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly timelines: TimelineQueries,
    private readonly stories: StoryQueries,
    private readonly revisions: StoryRevisionsQueries,
    private readonly entries: TimelineEntriesQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly addresses: StoryAddresses,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  @Get()
  @ApiHtmlPage({
    summary: 'The reader page: the timeline, newest day first',
    description:
      'Deep links: `/?from=YYYY-MM-DD&to=YYYY-MM-DD&asOf=<instant>` (as recorded then) or `&asPublished=<instant>` (as the newsroom had published it then). Live updates through GET /timeline/stream unless one of them is given. A day shows at most 100 entries, then links to the rest ("More entries of this day": `/?from=<day>&to=<day>&cursor=…`).',
    paged: true,
  })
  async timeline(
    @Query() q: TimelinePageQueryDto,
    @Req() request: PageRequest,
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    const m = requestMessages(request);
    // The API's range rule (order and cap); with one end open the page shows at most DAYS_PER_PAGE days anyway.
    const rangeProblem = q.from && q.to ? readRangeProblem(q.from, q.to) : undefined;
    if (rangeProblem) throw new BadRequestException([rangeProblem]);
    // One point in time at most: asOf (the audit view) wins over asPublished, as the form sends asOf only.
    const at: PointInTime | undefined = q.asOf
      ? { by: 'asOf', instant: new Date(q.asOf).toISOString() }
      : q.asPublished
        ? { by: 'asPublished', instant: new Date(q.asPublished).toISOString() }
        : undefined;
    const version = at ? { [at.by]: at.instant } : {};
    // A day's next entries (its "More entries of this day" link): that day alone, from the cursor, at the first page's position.
    const cursorDay = q.cursor === undefined ? undefined : q.from;
    if (q.cursor !== undefined && (!q.from || q.from !== q.to))
      throw new BadRequestException(['cursor goes with one day: from and to must be that day']);
    const dayQuery = (day: string) => ['page-day', day, at?.by ?? null, at?.instant ?? null];
    const cursor = cursorDay && q.cursor ? this.cursors.decode(q.cursor, dayQuery(cursorDay)) : undefined;
    const position = await pagePosition(this.positions, this.timelines.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const dates = cursorDay
      ? [cursorDay]
      : await this.timelines.datesWithEntries({ from: q.from, to: q.to, ...version, limit: DAYS_PER_PAGE + 1 });
    const shown = dates.slice(0, DAYS_PER_PAGE);
    // Each day at most a page of entries; a day with more links to the rest.
    const page =
      shown.length > 0
        ? await this.timelines.page(shown[shown.length - 1], shown[0], version, {
            at: position,
            ...(cursor ? { after: dayKey(cursor) } : {}),
            limit: DEFAULT_PAGE_LIMIT,
            perDay: true,
          })
        : { entries: [], nextByDay: new Map<string, PageKey>() };
    const listed = page.entries.map((e) => JSON.parse(e.json) as TimelineEntry);
    const entries = [...listed, ...(await factsNamedOnly(this.entries, listed))];
    const dayPages = new Map<string, DayPage>();
    for (const day of new Set([...page.nextByDay.keys(), ...(cursorDay ? [cursorDay] : [])])) {
      const next = page.nextByDay.get(day);
      const moreHref = next
        ? `/${queryString({ from: day, to: day, ...version, cursor: this.cursors.encode({ at: position, after: [next.sortKey, next.orderKey] }, dayQuery(day)) })}`
        : undefined;
      dayPages.set(day, {
        order: entryOrder(parsedOnDay(page.entries, listed, day)),
        ...(moreHref ? { moreHref } : {}),
        continued: day === cursorDay,
      });
    }
    const view = timelinePageView({
      from: q.from,
      to: q.to,
      ...(at ? { at } : {}),
      position,
      dates: shown,
      hasOlder: dates.length > DAYS_PER_PAGE,
      entries,
      dayPages,
      pinned: cursor !== undefined,
      revisionTimes: await this.revisionTimes(entries),
      storyNames: await this.revisions.headlines(storyIdsOf(entries)),
      messages: m,
    });
    surrogateKeys(reply, [
      CACHE_KEYS.timeline,
      ...shown.map(CACHE_KEYS.day),
      ...page.entries.flatMap((e) => e.storyIds.map(CACHE_KEYS.story)),
    ]);
    pageHeaders(reply, m);
    reply.header('Vary', 'Accept-Language');
    return renderTimelinePage(view, m, languageLinks(request.url, PAGE_LANGUAGES)).value;
  }

  /** Documented on the JSON route of the same path (GET /stories/{id}), which says it answers HTML to browsers. */
  @Get('stories/:id')
  @RouteConstraints({ [ACCEPTS_HTML]: 'yes' })
  @ApiExcludeEndpoint()
  async story(
    @Param('id') address: string,
    @Query() q: StoryPageQueryDto,
    @Req() request: PageRequest,
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    const m = requestMessages(request);
    reply.header('Vary', 'Accept, Accept-Language');
    await readPosition(this.positions, this.stories.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const id = await this.addresses.forRead(address);
    const [found, revisions] = await Promise.all([this.stories.storyWithFacts(id), this.revisions.revisions(id)]);
    if (!found || !revisions) throw storyNotFound(address);
    const story = found.story;
    let diff: { from: number; to: number } | undefined;
    if (q.from !== undefined || q.to !== undefined) {
      if (q.from === undefined || q.to === undefined) throw new BadRequestException(['give both from and to to compare two revisions']);
      if (q.from === q.to) throw new BadRequestException(['from and to must be different revisions']);
      for (const n of [q.from, q.to])
        if (!revisions.some((r) => r.revision === n))
          throw new NotFoundException(`story ${address} has no revision ${n}: its revisions are 1 to ${story.revision}`);
      diff = { from: q.from, to: q.to };
    } else if (revisions.length >= 2) {
      diff = { from: revisions[revisions.length - 2].revision, to: revisions[revisions.length - 1].revision };
    }
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    pageHeaders(reply, m);
    // The linked facts' full fields (the page dates and orders them as the timeline does) by id:
    // facts first recorded at the same instant stay in the order the page has always listed them.
    const linked = [...found.facts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const reach = storyReach({
      origin: this.settings.publicUrl,
      slug: story.slug,
      headline: story.headline,
      embedOrigins: this.settings.embedOrigins,
    });
    return renderStoryPage(storyPageView(story, revisions, diff, linked, m), reach, m, languageLinks(request.url, PAGE_LANGUAGES)).value;
  }

  /** When the story revisions the shown facts' provenances name were published: a lookup per revision (few: accepted candidates). */
  private async revisionTimes(entries: readonly TimelineEntry[]): Promise<RevisionTimes> {
    const named = new Map<string, { storyId: string; revision: number }>();
    for (const e of entries)
      if (e.type === 'diplomatic-event' && e.provenance)
        named.set(revisionTimeKey(e.provenance.storyId, e.provenance.revision), e.provenance);
    const times = await Promise.all(
      [...named].map(async ([key, p]) => [key, (await this.revisions.revision(p.storyId, p.revision))?.publishedAt] as const),
    );
    return new Map(times.filter((t): t is readonly [string, string] => t[1] !== undefined));
  }

  @Get('assets/reader.js')
  @ApiOperation({ summary: "The reader page's script (live updates)" })
  @ApiProduces('text/javascript')
  @ApiResponse({ status: 200, description: 'The script.', content: { 'text/javascript': { schema: { type: 'string' } } } })
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('X-Content-Type-Options', 'nosniff')
  script(): string {
    return READER_SCRIPT;
  }
}

/** A reader page cursor's key: a timeline key (cursors of other lists do not reach here: their query differs). */
function dayKey(cursor: Cursor): PageKey {
  const [sortKey, orderKey] = cursor.after;
  if (typeof sortKey !== 'string' || typeof orderKey !== 'string')
    throw new BadRequestException(['cursor is not a cursor of this page: leave it out']);
  return { sortKey, orderKey };
}
