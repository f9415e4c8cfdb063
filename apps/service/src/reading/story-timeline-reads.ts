import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { CACHE_KEYS, ReadModelPositions, StoryRevisionsQueries, TimelinePage, TimelineQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';
import { StoryAddresses, storyNotFound } from '../stories/story-addresses';
import { readPosition, type HeaderSink } from './consistency';
import { Cursor, nextLink, PageCursors } from './page-cursor';
import { PAGE_CURSORS, pagePosition } from './pages';
import { DEFAULT_PAGE_LIMIT } from './read-query.dto';
import { surrogateKeys } from '../http-caching/surrogate-keys';

/** A page of one story's timeline, with what its answers say about the story. */
export interface StoryTimelineRead {
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly developing: boolean;
  readonly position: number;
  readonly page: TimelinePage;
  /** The next page's cursor, when more entries follow. */
  readonly next?: string;
}

/**
 * One story's timeline (`/stories/:id/timeline` as JSON and as a page, and the embed): its
 * entries on every day, in the timeline's order, a page at a time at one log position, as
 * `GET /timeline?storyId=` reads them. Its cursors belong to the story, not to its address, so
 * that a page reached by slug continues by id and back.
 */
@Injectable()
export class StoryTimelineReads {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly timelines: TimelineQueries,
    private readonly revisions: StoryRevisionsQueries,
    private readonly addresses: StoryAddresses,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  async read(
    address: string,
    q: { minPosition?: number; limit?: number; cursor?: string },
    reply: HeaderSink,
    request?: { url: string },
  ): Promise<StoryTimelineRead> {
    // The wait for minPosition first: a story created a moment ago is known by its slug only once the read models have it.
    const now = await readPosition(this.positions, this.timelines.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const id = await this.addresses.forRead(address);
    const query = ['story-timeline', id];
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const position = cursor
      ? await pagePosition(this.positions, this.timelines.readModels, {}, cursor, this.settings.minPositionWaitMs, reply)
      : now;
    const story = await this.revisions.current(id);
    if (!story) throw storyNotFound(address);
    const page = await this.timelines.storyPage(id, {
      at: position,
      ...(cursor ? { after: pageKey(cursor) } : {}),
      limit: q.limit ?? DEFAULT_PAGE_LIMIT,
    });
    const next = page.next && this.cursors.encode({ at: position, after: [page.next.sortKey, page.next.orderKey] }, query);
    if (next && request) reply.header('Link', nextLink(request.url, next));
    // Its entries' other stories too: each entry links to all of its stories, by headline.
    surrogateKeys(reply, [CACHE_KEYS.story(id), ...page.entries.flatMap((e) => e.storyIds.map(CACHE_KEYS.story))]);
    return {
      id,
      slug: story.slug,
      headline: story.headline,
      developing: story.developing,
      position,
      page,
      ...(next ? { next } : {}),
    };
  }
}

/** A story timeline cursor's key (cursors of other lists do not reach here: their query differs). */
function pageKey(cursor: Cursor): { sortKey: string; orderKey: string } {
  const [sortKey, orderKey] = cursor.after;
  if (typeof sortKey !== 'string' || typeof orderKey !== 'string' || cursor.after.length !== 2)
    throw new BadRequestException(['cursor is not a cursor of this list: leave cursor out to start again']);
  return { sortKey, orderKey };
}
