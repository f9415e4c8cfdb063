import { BadRequestException, Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CACHE_KEYS, FeedPage, FeedQueries, ReadModelPositions, StoryRevisionsQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import type { HeaderSink } from '../reading/consistency';
import { Cursor, nextLink, PageCursors } from '../reading/page-cursor';
import { PAGE_CURSORS, pagePosition } from '../reading/pages';
import { SETTINGS } from '../storage/storage.tokens';
import { StoryAddresses, storyNotFound } from '../stories/story-addresses';
import { ATOM_MEDIA_TYPE, atomFeed } from './atom-feed';
import { FeedDocument } from './feed-document';
import { FEED_NAMES, feedUrn } from './feed-ids';
import { feedItem } from './feed-items';
import { FEED_PATHS, FeedFormat } from './feed-links';
import { DEFAULT_FEED_LIMIT, FeedQueryDto } from './feed-query.dto';
import { JSON_FEED_MEDIA_TYPE, JSON_FEED_VERSION, jsonFeed } from './json-feed';

/** The epoch: an empty feed's `updated`, which Atom requires and nothing else gives. */
const NEVER = new Date(0).toISOString();

const FORMATS: Readonly<Record<FeedFormat, { mediaType: string; write: (doc: FeedDocument, origin: string | undefined) => string }>> = {
  atom: { mediaType: ATOM_MEDIA_TYPE, write: atomFeed },
  json: { mediaType: JSON_FEED_MEDIA_TYPE, write: jsonFeed },
};

const ATOM_DOCS = { mediaType: ATOM_MEDIA_TYPE, schema: { type: 'string', description: 'An Atom 1.0 feed document (RFC 4287).' } };
const JSON_FEED_DOCS = {
  mediaType: JSON_FEED_MEDIA_TYPE,
  schema: {
    type: 'object',
    description: 'A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1).',
    required: ['version', 'title', 'items'],
    properties: {
      version: { type: 'string', enum: [JSON_FEED_VERSION] },
      title: { type: 'string' },
      home_page_url: { type: 'string' },
      feed_url: { type: 'string' },
      next_url: { type: 'string' },
      items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
    },
  },
};
const ITEMS =
  'One item per change, newest first: a new fact, an amendment (with its reason), a retraction (with its public note), a new story, an update or a correction of a story (with its note). Each item has a stable id (`urn:uuid:`, derived from the fact or story id and the version) and the kind of change as its category (Atom) or tag (JSON Feed): `new-fact`, `amendment`, `retraction`, `new-story`, `story-update`, `correction`. docs/feeds.md.';
const BAD_PAGE = 'limit, cursor or minPosition is malformed, or the cursor belongs to another feed.';

/** A page as read: its changes, the cursor of the next page when there is one, and the limit it was read with. */
interface ReadPage {
  readonly changes: FeedPage;
  readonly next?: string;
  readonly limit: number;
}

/** A request's parts a feed depends on besides its query: where the client reached us. */
interface FeedRequest {
  readonly url: string;
  readonly protocol: string;
  readonly host: string;
}

/**
 * Atom and JSON Feed 1.1 of the timeline and of each story (docs/feeds.md): public reads,
 * cached like the others (ETag, Cache-Control, Surrogate-Key, the read cache).
 */
@ApiTags('feeds')
@Controller()
export class FeedsController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly feeds: FeedQueries,
    private readonly revisions: StoryRevisionsQueries,
    private readonly addresses: StoryAddresses,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  @Get('feeds/timeline.atom')
  @ApiRead({ summary: 'The timeline as an Atom feed', description: ITEMS, produces: ATOM_DOCS, badRequest: BAD_PAGE, paged: true })
  timelineAtom(@Query() q: FeedQueryDto, @Req() request: FeedRequest, @Res({ passthrough: true }) reply: HeaderSink) {
    return this.timeline('atom', q, request, reply);
  }

  @Get('feeds/timeline.json')
  @ApiRead({ summary: 'The timeline as a JSON Feed 1.1', description: ITEMS, produces: JSON_FEED_DOCS, badRequest: BAD_PAGE, paged: true })
  timelineJson(@Query() q: FeedQueryDto, @Req() request: FeedRequest, @Res({ passthrough: true }) reply: HeaderSink) {
    return this.timeline('json', q, request, reply);
  }

  @Get('stories/:id/feed.atom')
  @ApiRead({
    summary: 'A story (by id or slug) and its facts as an Atom feed',
    description: `${ITEMS} A fact's changes are in the feed of each story it names, and a change that takes a fact out of a story is in that story's feed too.`,
    produces: ATOM_DOCS,
    badRequest: BAD_PAGE,
    notFound: true,
    paged: true,
  })
  storyAtom(
    @Param('id') address: string,
    @Query() q: FeedQueryDto,
    @Req() request: FeedRequest,
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    return this.story('atom', address, q, request, reply);
  }

  @Get('stories/:id/feed.json')
  @ApiRead({
    summary: 'A story (by id or slug) and its facts as a JSON Feed 1.1',
    description: `${ITEMS} A fact's changes are in the feed of each story it names, and a change that takes a fact out of a story is in that story's feed too.`,
    produces: JSON_FEED_DOCS,
    badRequest: BAD_PAGE,
    notFound: true,
    paged: true,
  })
  storyJson(
    @Param('id') address: string,
    @Query() q: FeedQueryDto,
    @Req() request: FeedRequest,
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    return this.story('json', address, q, request, reply);
  }

  private async timeline(format: FeedFormat, q: FeedQueryDto, request: FeedRequest, reply: HeaderSink): Promise<string> {
    const page = await this.page(q, null, reply);
    const doc = this.document(page, {
      id: feedUrn(FEED_NAMES.timelineFeed()),
      title: 'Dateline: the timeline',
      description: 'Every change to the timeline, newest first: new facts, amendments, retractions, new stories, updates and corrections.',
      selfPath: FEED_PATHS.timeline[format],
      homePath: '/',
    });
    // The timeline key is purged with every change to any read model a feed reads (CacheKeysQueries).
    surrogateKeys(reply, [CACHE_KEYS.timeline]);
    return this.send(format, doc, page.next, request, reply);
  }

  private async story(format: FeedFormat, address: string, q: FeedQueryDto, request: FeedRequest, reply: HeaderSink): Promise<string> {
    const id = await this.addresses.forRead(address);
    const story = await this.revisions.current(id);
    if (!story) throw storyNotFound(address);
    const page = await this.page(q, id, reply);
    const paths = FEED_PATHS.story(story.slug);
    const doc = this.document(page, {
      id: feedUrn(FEED_NAMES.storyFeed(id)),
      title: `${story.headline} · Dateline`,
      description: `Every change to this story and its dated facts, newest first.`,
      selfPath: paths[format],
      homePath: `/stories/${encodeURIComponent(story.slug)}`,
    });
    // A story's key is purged when it is revised and when a fact that names (or named) it changes.
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    return this.send(format, doc, page.next, request, reply);
  }

  /** The page a request asks for: the read position (the cursor's on later pages), and where it starts. */
  private async page(q: FeedQueryDto, storyId: string | null, reply: HeaderSink): Promise<ReadPage> {
    const query = ['feed', storyId];
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const before = cursor && beforeOf(cursor);
    const at = await pagePosition(this.positions, this.feeds.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const limit = q.limit ?? DEFAULT_FEED_LIMIT;
    const changes = await this.feeds.changes({ at, limit, ...(before !== undefined ? { before } : {}), ...(storyId ? { storyId } : {}) });
    const next = changes.nextBefore === undefined ? undefined : this.cursors.encode({ at, after: [changes.nextBefore] }, query);
    return { changes, ...(next ? { next } : {}), limit };
  }

  private document(page: ReadPage, about: Pick<FeedDocument, 'id' | 'title' | 'description' | 'selfPath' | 'homePath'>): FeedDocument {
    const items = page.changes.changes.map(feedItem);
    const nextQuery = new URLSearchParams({
      ...(page.limit !== DEFAULT_FEED_LIMIT ? { limit: String(page.limit) } : {}),
      cursor: page.next ?? '',
    });
    return {
      ...about,
      updated: items[0]?.updated ?? NEVER,
      ...(page.next ? { nextPath: `${about.selfPath}?${nextQuery.toString()}` } : {}),
      items,
    };
  }

  private send(format: FeedFormat, doc: FeedDocument, next: string | undefined, request: FeedRequest, reply: HeaderSink): string {
    if (next) reply.header('Link', nextLink(request.url, next));
    reply.header('Content-Type', `${FORMATS[format].mediaType}; charset=utf-8`);
    // The configured public address, as the embeds' links: an answer depends on no request header (docs/feeds.md).
    return FORMATS[format].write(doc, this.settings.publicUrl);
  }
}

/** Where a feed cursor's page starts: before the log position of the last item of the page before. */
function beforeOf(cursor: Cursor): number {
  const [before] = cursor.after;
  if (typeof before !== 'number' || !Number.isSafeInteger(before) || cursor.after.length !== 1)
    throw new BadRequestException(['cursor is not a cursor of this feed: leave cursor out to start again']);
  return before;
}
