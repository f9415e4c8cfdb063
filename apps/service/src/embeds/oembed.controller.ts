import { BadRequestException, Controller, Get, Inject, NotFoundException, NotImplementedException, Query, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { CACHE_KEYS, StoryRevisionsQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead, ErrorResponseDto } from '../http/api-docs';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import type { HeaderSink } from '../reading/consistency';
import { SETTINGS } from '../storage/storage.tokens';
import { StoryAddresses, storyNotFound } from '../stories/story-addresses';
import { EMBED_SIZE, embedSnippet } from './embed-snippet';
import { OEmbedDto, OEmbedQueryDto } from './oembed.dto';

/** The paths of a story on this service that oEmbed answers for: its page, its timeline, its embed. */
const STORY_PATH = /^\/stories\/([^/]+)(?:\/timeline)?\/?$|^\/embed\/stories\/([^/]+)\/?$/;

/**
 * oEmbed 1.0 (https://oembed.com): a consumer (a CMS, a chat app) that finds our discovery link
 * on a story's page, or knows this endpoint, asks it how to embed the story, and gets a `rich`
 * answer whose `html` is the embed snippet.
 */
@ApiTags('embeds')
@Controller('oembed')
export class OEmbedController {
  constructor(
    private readonly addresses: StoryAddresses,
    private readonly revisions: StoryRevisionsQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get()
  @ApiRead({
    summary: 'oEmbed: how to embed a story (its timeline), for a URL of the story',
    description:
      "oEmbed 1.0, JSON only: `type` `rich`, `version` `1.0`, the story's headline as `title`, `html` with an iframe of `/embed/stories/<slug>` and the script that sizes it to its content, `width` and `height` within `maxwidth` and `maxheight`. The embed may be framed only by the sites of DATELINE_EMBED_ORIGINS (docs/embeds.md).",
    type: OEmbedDto,
    badRequest:
      'url is missing or not an absolute http(s) URL, format is neither json nor xml, or maxwidth/maxheight is not a size in pixels.',
  })
  @ApiResponse({
    status: 404,
    type: ErrorResponseDto,
    description: 'The URL is not one of our stories: another site, a page that is no story, or a story that does not exist.',
  })
  @ApiResponse({
    status: 501,
    type: ErrorResponseDto,
    description: '`format=xml`: this provider answers JSON only (oEmbed 1.0, section 2.3).',
  })
  async oembed(@Query() q: OEmbedQueryDto, @Res({ passthrough: true }) reply: HeaderSink): Promise<OEmbedDto> {
    if (q.format === 'xml')
      throw new NotImplementedException('format xml is not offered: this provider answers oEmbed in JSON only (format=json)');
    const origin = this.settings.publicUrl;
    const example = `${origin}/stories/<slug>`;
    let url: URL;
    try {
      url = new URL(q.url);
    } catch {
      throw new BadRequestException([
        `url must be an absolute http:// or https:// URL of a story, such as ${example} (got ${JSON.stringify(q.url)})`,
      ]);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new BadRequestException([
        `url must be an absolute http:// or https:// URL of a story, such as ${example} (got ${JSON.stringify(q.url)})`,
      ]);
    if (url.origin !== origin)
      throw new NotFoundException(`url ${q.url} is not an address of this service (${origin}): it answers oEmbed only for its own stories`);
    const match = STORY_PATH.exec(url.pathname);
    const segment = match?.[1] ?? match?.[2];
    if (!segment) throw new NotFoundException(`url ${q.url} names no story: a story's address is ${example}`);
    let address: string;
    try {
      address = decodeURIComponent(segment);
    } catch {
      throw storyNotFound(segment);
    }
    const id = await this.addresses.forRead(address);
    const story = await this.revisions.current(id);
    if (!story) throw storyNotFound(address);
    const width = Math.min(EMBED_SIZE.width, q.maxwidth ?? EMBED_SIZE.width);
    const height = Math.min(EMBED_SIZE.height, q.maxheight ?? EMBED_SIZE.height);
    surrogateKeys(reply, [CACHE_KEYS.story(id)]);
    return {
      type: 'rich',
      version: '1.0',
      title: story.headline,
      provider_name: 'Dateline',
      provider_url: `${origin}/`,
      html: embedSnippet({
        origin,
        slug: story.slug,
        headline: story.headline,
        width,
        height,
        ...(q.maxheight !== undefined ? { maxHeight: q.maxheight } : {}),
      }),
      width,
      height,
      ...(story.byline ? { author_name: story.byline } : {}),
    };
  }
}
