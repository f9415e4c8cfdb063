import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS } from '@dateline/domain';
import { SearchHit } from '@dateline/projections';
import { ApiRead } from '../http/api-docs';
import type { HeaderSink } from '../reading/consistency';
import { asJson, jsonObject } from '../reading/pages';
import { SearchReader } from './search-reader';
import { SEARCH_EXTRA_MODELS, SearchResultsDto } from './search-responses.dto';
import { SearchQueryDto } from './search.query.dto';

/**
 * `GET /search` as JSON. Browsers, whose Accept prefers HTML, get the reader's results page on
 * the same URL (reader-page/search-page.controller.ts). A fact's entry is sent as the read model
 * stores it, so the answer is assembled as text.
 */
@ApiTags('search')
@ApiExtraModels(...SEARCH_EXTRA_MODELS)
@Controller('search')
export class SearchController {
  constructor(private readonly reader: SearchReader) {}

  @Get()
  @ApiRead({
    summary: 'Search facts and stories',
    description:
      'Full-text search over the facts’ current versions (title, participants, place, summary, quotes) and the stories’ latest revisions (headline, editor’s note, text): ranked, in pages of `limit` results, each saying why it matched. Retracted facts are not found. Answers HTML (the reader’s results page) to a client whose Accept prefers it. docs/search.md.',
    type: SearchResultsDto,
    badRequest: `q missing, empty, over ${MAX_SEARCH_LENGTH} characters or ${MAX_SEARCH_WORDS} words, or without a letter or digit; a bad limit or cursor; or another malformed parameter.`,
    paged: true,
  })
  @ApiProduces('application/json', 'text/html')
  async search(
    @Query() q: SearchQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    reply.header('Vary', 'Accept');
    const { terms, page, position, next } = await this.reader.read(q, request, reply);
    return asJson(
      reply,
      jsonObject([
        ['q', JSON.stringify(terms.text)],
        ['position', String(position)],
        ['results', `[${page.hits.map(resultText).join(',')}]`],
        ['next', next && JSON.stringify(next)],
      ]),
    );
  }
}

/** One result as JSON text: a fact's stored entry goes in as it is. */
function resultText(h: SearchHit): string {
  const common: [string, string][] = [
    ['type', JSON.stringify(h.type)],
    ['id', JSON.stringify(h.id)],
  ];
  const rank: [string, string][] = [
    ['score', String(h.score)],
    ['matches', JSON.stringify(h.matches)],
  ];
  if (h.type === 'fact') return jsonObject([...common, ...rank, ['entry', h.entry]]);
  return jsonObject([
    ...common,
    ['slug', JSON.stringify(h.slug)],
    ['headline', JSON.stringify(h.headline)],
    ['revision', String(h.revision)],
    ['publishedAt', JSON.stringify(h.publishedAt)],
    ...rank,
  ]);
}
