import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { RouteConstraints } from '@nestjs/platform-fastify';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { HeaderSink } from '../reading/consistency';
import { SearchReader } from '../search/search-reader';
import { SearchQueryDto } from '../search/search.query.dto';
import { ACCEPTS_HTML } from './content-negotiation';
import { HtmlErrorsFilter } from './html-errors.filter';
import { readerPageHeaders } from './reader-page-headers';
import { renderSearchPage } from './templates/search-page.template';
import { searchPageView } from './view-models/search-page.view-model';

/**
 * The reader's search results (`GET /search` in a browser): what the reader page's search box
 * sends, a plain GET form that works without JavaScript. Other clients get the JSON of the same
 * URL (search/search.controller.ts), documented there.
 */
@Controller()
@UseFilters(HtmlErrorsFilter)
export class SearchPageController {
  constructor(private readonly reader: SearchReader) {}

  @Get('search')
  @RouteConstraints({ [ACCEPTS_HTML]: 'yes' })
  @ApiExcludeEndpoint()
  async search(
    @Query() q: SearchQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    reply.header('Vary', 'Accept');
    const { terms, page, next } = await this.reader.read(q, request, reply);
    readerPageHeaders(reply);
    return renderSearchPage(searchPageView(terms.text, page.hits, next, q.cursor !== undefined)).value;
  }
}
