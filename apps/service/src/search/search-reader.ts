import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { searchTerms, SearchTerms, searchTextProblem } from '@dateline/domain';
import { CACHE_KEYS, ReadModelPositions, SearchKey, SearchPage, SearchQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import type { HeaderSink } from '../reading/consistency';
import { Cursor, nextLink, PageCursors } from '../reading/page-cursor';
import { PAGE_CURSORS, pagePosition } from '../reading/pages';
import { SETTINGS } from '../storage/storage.tokens';
import { DEFAULT_SEARCH_LIMIT, SearchQueryDto } from './search.query.dto';

/** A page of a search, as both the JSON route and the results page answer it. */
export interface SearchAnswer {
  readonly terms: SearchTerms;
  readonly page: SearchPage;
  readonly position: number;
  /** The next page's cursor, when more follow. */
  readonly next?: string;
}

/**
 * A search's page, read the way every paged list is: the first page at the read models'
 * position, the next ones at the cursor's (pinned), so that no result is skipped or repeated
 * while writes go on. Shared by `GET /search` (JSON) and the reader's results page (HTML).
 */
@Injectable()
export class SearchReader {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly queries: SearchQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  async read(q: SearchQueryDto, request: { url: string }, reply: HeaderSink): Promise<SearchAnswer> {
    const problem = searchTextProblem(q.q);
    if (problem) throw new BadRequestException([problem]);
    const terms = searchTerms(q.q!);
    // The cursor belongs to the words searched for: the same words in other spacing or case read the same page.
    const query = ['search', terms.words];
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const position = await pagePosition(this.positions, this.queries.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const limit = q.limit ?? DEFAULT_SEARCH_LIMIT;
    const page = await this.queries.search(terms, { at: position, ...(cursor ? { after: searchKey(cursor) } : {}), limit });
    const next = page.next && this.cursors.encode({ at: position, after: [page.next.score, page.next.key] }, query);
    if (next) reply.header('Link', nextLink(request.url, next));
    // Any change to a fact or a story may change a search's answer: `timeline` is purged with every change.
    surrogateKeys(reply, [CACHE_KEYS.timeline, ...page.hits.flatMap((h) => h.storyIds.map(CACHE_KEYS.story))]);
    return { terms, page, position, ...(next ? { next } : {}) };
  }
}

/** A search cursor's key: a score and a result's key (cursors of other lists do not reach here: their query differs). */
function searchKey(cursor: Cursor): SearchKey {
  const [score, key] = cursor.after;
  if (typeof score !== 'number' || !Number.isSafeInteger(score) || typeof key !== 'string' || cursor.after.length !== 2)
    throw new BadRequestException(['cursor is not a cursor of this list: leave cursor out to start again']);
  return { score, key };
}
