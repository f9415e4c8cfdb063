import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { RouteConstraints } from '@nestjs/platform-fastify';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { StoryRevisionsQueries, TimelineEntriesQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { oembedDiscovery } from '../embeds/embed-snippet';
import type { HeaderSink } from '../reading/consistency';
import { StoryTimelineReads } from '../reading/story-timeline-reads';
import { SETTINGS } from '../storage/storage.tokens';
import { ACCEPTS_HTML } from './content-negotiation';
import { HtmlErrorsFilter } from './html-errors.filter';
import { pageContext } from './page-entries';
import { READER_PAGE_CSP } from './templates/layout.template';
import { renderStoryTimelinePage } from './templates/story-timeline-page.template';
import { storyTimelineView } from './view-models/story-timeline.view-model';
import { StoryTimelinePageQueryDto } from './reader-page.query.dto';
import { PAGE_LANGUAGES } from './messages/catalogue';
import type { LanguageRequest } from './messages/request-language';
import { languageLinks, requestMessages } from './messages/request-language';

/**
 * `GET /stories/:id/timeline` for a browser (Accept prefers text/html): the story's timeline as a
 * page. It shares its path with the JSON answer (StoryTimelineController), as the story page does.
 */
@Controller()
@UseFilters(HtmlErrorsFilter)
export class StoryTimelinePageController {
  constructor(
    private readonly reads: StoryTimelineReads,
    private readonly entries: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Documented on the JSON route of the same path (GET /stories/{id}/timeline), which says it answers HTML to browsers. */
  @Get('stories/:id/timeline')
  @RouteConstraints({ [ACCEPTS_HTML]: 'yes' })
  @ApiExcludeEndpoint()
  async timeline(
    @Param('id') address: string,
    @Query() q: StoryTimelinePageQueryDto,
    @Req() request: LanguageRequest & { readonly url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    const m = requestMessages(request);
    reply.header('Vary', 'Accept, Accept-Language');
    const read = await this.reads.read(address, q, reply, request);
    const view = storyTimelineView({
      ...read,
      entries: read.page.entries,
      ...(await pageContext(this.entries, this.revisions, read.page.entries)),
      continued: q.cursor !== undefined,
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      messages: m,
    });
    reply.header('Content-Type', 'text/html; charset=utf-8');
    reply.header('Content-Security-Policy', READER_PAGE_CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Language', m.lang);
    const origin = this.settings.publicUrl;
    return renderStoryTimelinePage(view, [oembedDiscovery(origin, read.slug, read.headline)], m, languageLinks(request.url, PAGE_LANGUAGES))
      .value;
  }
}
