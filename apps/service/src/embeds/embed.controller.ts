import { Controller, Get, Header, Inject, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { StoryRevisionsQueries, TimelineEntriesQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiHtmlPage } from '../http/api-docs';
import { HtmlErrorsFilter } from '../reader-page/html-errors.filter';
import { pageContext } from '../reader-page/page-entries';
import type { LanguageRequest } from '../reader-page/messages/request-language';
import { requestMessages } from '../reader-page/messages/request-language';
import { storyTimelineView } from '../reader-page/view-models/story-timeline.view-model';
import type { HeaderSink } from '../reading/consistency';
import { StoryTimelineReads } from '../reading/story-timeline-reads';
import { SETTINGS } from '../storage/storage.tokens';
import { oembedDiscovery } from './embed-snippet';
import { EMBED_FRAME_SCRIPT, EMBED_HOST_SCRIPT } from './embed-scripts';
import { EmbedQueryDto } from './oembed.dto';
import { renderEmbedPage } from './templates/embed-page.template';

/**
 * The embed: a story's timeline for a frame in another site's page, and the two scripts that size
 * the frame. Its CSP (`frame-ancestors` from DATELINE_EMBED_ORIGINS) is set by embed-frame.hook.ts,
 * before any answer, so that a cached answer carries it too (a 304 carries no CSP: the cache
 * revalidating keeps the embed's).
 */
@ApiTags('embeds')
@Controller()
@UseFilters(HtmlErrorsFilter)
export class EmbedController {
  constructor(
    private readonly reads: StoryTimelineReads,
    private readonly entries: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('embed/stories/:id')
  @ApiHtmlPage({
    summary: "A story's timeline, minimal, to be framed by another site's page (by id or slug)",
    description:
      "The story's first `limit` timeline entries (100 by default) and a link to the rest. Only the sites of DATELINE_EMBED_ORIGINS may frame it: its `Content-Security-Policy` says `frame-ancestors` with them, or `'none'` when none is configured. Every link opens outside the frame. Its script posts its height to the parent page (`/assets/embed-host.js` listens); docs/embeds.md.",
    notFound: true,
  })
  async embed(
    @Param('id') address: string,
    @Query() q: EmbedQueryDto,
    @Req() request: LanguageRequest,
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    const m = requestMessages(request);
    const read = await this.reads.read(address, q, reply);
    const view = storyTimelineView({
      ...read,
      entries: read.page.entries,
      ...(await pageContext(this.entries, this.revisions, read.page.entries)),
      continued: false,
      messages: m,
    });
    reply.header('Content-Type', 'text/html; charset=utf-8');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'same-origin');
    reply.header('Content-Language', m.lang);
    reply.header('Vary', 'Accept-Language');
    const origin = this.settings.publicUrl;
    return renderEmbedPage(view, { oembed: oembedDiscovery(origin, read.slug, read.headline), moreEntries: read.next !== undefined }, m)
      .value;
  }

  @Get('assets/embed.js')
  @ApiOperation({ summary: "The embed page's script: posts the page's height to the page that frames it" })
  @ApiProduces('text/javascript')
  @ApiResponse({ status: 200, description: 'The script.', content: { 'text/javascript': { schema: { type: 'string' } } } })
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('X-Content-Type-Options', 'nosniff')
  frameScript(): string {
    return EMBED_FRAME_SCRIPT;
  }

  @Get('assets/embed-host.js')
  @ApiOperation({
    summary:
      "The host page's script (in the embed snippet): sizes each Dateline iframe to the height its embed posts, checking the message's origin",
  })
  @ApiProduces('text/javascript')
  @ApiResponse({ status: 200, description: 'The script.', content: { 'text/javascript': { schema: { type: 'string' } } } })
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('X-Content-Type-Options', 'nosniff')
  hostScript(): string {
    return EMBED_HOST_SCRIPT;
  }
}
