import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { isBoringRevision, REVISION_NUMBER } from '@dateline/domain';
import { CACHE_KEYS, ReadModelPositions, StoryQueries, StoryRevisionsQueries, summarizeRevisions } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import { DecimalIntegerParam } from '../http/decimal-integer-param.decorator';
import { SETTINGS } from '../storage/storage.tokens';
import { StoryAddresses, storyNotFound } from '../stories/story-addresses';
import { readPosition, type HeaderSink } from './consistency';
import { nextLink, PageCursors } from './page-cursor';
import { PAGE_CURSORS, pagePosition } from './pages';
import { AsPublishedQueryDto, ConsistencyQueryDto, DEFAULT_PAGE_LIMIT, DiffQueryDto, RevisionsQueryDto } from './read-query.dto';
import { EXTRA_READ_MODELS, StoryDiffDto, StoryDto, StoryRevisionDto, StoryRevisionsDto } from './read-responses.dto';
import { revisionDiff } from './revision-diff';

@ApiTags('stories')
@ApiExtraModels(...EXTRA_READ_MODELS)
@Controller('stories')
export class StoriesReadController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly stories: StoryQueries,
    private readonly storyRevisions: StoryRevisionsQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly addresses: StoryAddresses,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  @Get(':id')
  @ApiRead({
    summary: 'A story now (or as published at `asPublished`), by id or slug: its revision and linked events',
    description:
      'Content negotiation: a request whose `Accept` prefers `text/html` (a browser) gets the reader page of the story instead: its text, revision history and a word diff of any two revisions (`?from=&to=`). Everyone else gets JSON.',
    type: StoryDto,
    notFound: true,
    badRequest: 'minPosition or asPublished is malformed.',
  })
  @ApiProduces('application/json', 'text/html')
  // The reader page's own parameters (ReaderPageController.story shares this path): the JSON answer refuses them with a 400.
  @ApiQuery({
    name: 'from',
    required: false,
    schema: { type: 'integer', minimum: 1 },
    description: 'Reader page (text/html) only: compare revision `from` with `to`.',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    schema: { type: 'integer', minimum: 1 },
    description: 'Reader page (text/html) only: see `from`.',
  })
  async get(@Param('id') address: string, @Query() q: AsPublishedQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    reply.header('Vary', 'Accept');
    const position = await readPosition(this.positions, this.stories.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const id = await this.addresses.forRead(address);
    const story = await this.stories.story(id, q);
    if (!story) throw q.asPublished ? await this.notYetPublished(address, id, q.asPublished) : storyNotFound(address);
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    const { recordedAt, kind: _k, changeNote: _c, editor: _e, ...current } = story;
    return { ...current, updatedAt: recordedAt, ...(q.asPublished ? { asPublished: q.asPublished } : {}), position };
  }

  /** The 404 for a story read as published at an instant: unknown, or not yet published then. */
  private async notYetPublished(address: string, id: string, asPublished: string): Promise<NotFoundException> {
    const story = await this.storyRevisions.current(id);
    if (!story) return storyNotFound(address);
    return new NotFoundException(
      `story ${address} was not yet published at ${asPublished}: its first revision was published ${story.firstPublishedAt}`,
    );
  }

  @Get(':id/revisions')
  @ApiRead({
    summary: 'Every revision of a story (published by `asPublished` when given): number, recordedAt, publishedAt, editor, changeNote, kind',
    description: 'Oldest first, in pages of `limit` revisions.',
    type: StoryRevisionsDto,
    notFound: true,
    badRequest: 'minPosition, asPublished, limit or cursor is malformed.',
    paged: true,
  })
  async revisions(
    @Param('id') address: string,
    @Query() q: RevisionsQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    const query = ['revisions', address, q.asPublished ?? null];
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const after = cursor?.after[0];
    if (cursor && (typeof after !== 'number' || cursor.after.length !== 1))
      throw new BadRequestException(['cursor is not a cursor of this list: leave cursor out to start again']);
    const position = await pagePosition(this.positions, this.storyRevisions.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const id = await this.addresses.forRead(address);
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const page = await this.storyRevisions.revisionsPage(id, q, { at: position, ...(typeof after === 'number' ? { after } : {}), limit });
    if (!page) throw q.asPublished ? await this.notYetPublished(address, id, q.asPublished) : storyNotFound(address);
    // The revision before the page is there only for the first one's `boring`.
    const summaries = summarizeRevisions(page.previous ? [page.previous, ...page.revisions] : page.revisions).slice(page.previous ? 1 : 0);
    const shown = summaries.slice(0, limit);
    const next =
      summaries.length > limit ? this.cursors.encode({ at: position, after: [shown[shown.length - 1].revision] }, query) : undefined;
    if (next) reply.header('Link', nextLink(request.url, next));
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    return { id, position, ...(q.asPublished ? { asPublished: q.asPublished } : {}), revisions: shown, ...(next ? { next } : {}) };
  }

  @Get(':id/revisions/:n')
  @ApiParam({
    name: 'n',
    schema: { type: 'integer', minimum: REVISION_NUMBER.min, maximum: REVISION_NUMBER.max },
    description: 'A revision number (decimal digits).',
    example: 1,
  })
  @ApiRead({
    summary: 'The story as it was at revision n',
    type: StoryRevisionDto,
    notFound: true,
    badRequest: 'n is not a revision number (decimal digits, 1 to 2147483647), or minPosition is malformed.',
  })
  async revision(
    @Param('id') address: string,
    @DecimalIntegerParam({ name: 'n', range: REVISION_NUMBER }) n: number,
    @Query() q: ConsistencyQueryDto,
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    const position = await readPosition(
      this.positions,
      this.storyRevisions.readModels,
      q.minPosition,
      this.settings.minPositionWaitMs,
      reply,
    );
    const id = await this.addresses.forRead(address);
    const revision = await this.storyRevisions.revision(id, n);
    if (!revision) throw await this.noRevision(address, id, n);
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    return { ...revision, position };
  }

  /** The 404 for a revision that is not there: the story is unknown, or it says which revisions it has. */
  private async noRevision(address: string, id: string, n: number): Promise<NotFoundException> {
    const story = await this.storyRevisions.current(id);
    if (!story) return storyNotFound(address);
    return new NotFoundException(`story ${address} has no revision ${n}: its revisions are 1 to ${story.revision}`);
  }

  /** Word-level diff of headline and body between two revisions (jsdiff's diffWords). */
  @Get(':id/diff')
  @ApiRead({
    summary: 'Word-level diff of headline and body between two revisions',
    type: StoryDiffDto,
    notFound: true,
    badRequest: 'from or to missing or not a revision number (decimal digits, 1 to 2147483647), or from equals to.',
  })
  async diff(@Param('id') address: string, @Query() q: DiffQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    const position = await readPosition(
      this.positions,
      this.storyRevisions.readModels,
      q.minPosition,
      this.settings.minPositionWaitMs,
      reply,
    );
    const id = await this.addresses.forRead(address);
    const [from, to] = await Promise.all([this.storyRevisions.revision(id, q.from), this.storyRevisions.revision(id, q.to)]);
    if (!from) throw await this.noRevision(address, id, q.from);
    if (!to) throw await this.noRevision(address, id, q.to);
    if (q.from === q.to) throw new BadRequestException(['from and to must be different revisions']);
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    return {
      id,
      from: q.from,
      to: q.to,
      boring: isBoringRevision(from, to),
      ...revisionDiff(from, to),
      position,
    };
  }
}
