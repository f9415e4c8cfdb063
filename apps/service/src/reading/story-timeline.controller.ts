import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { StoredEntry } from '@dateline/projections';
import { ApiRead } from '../http/api-docs';
import type { HeaderSink } from './consistency';
import { asJson, jsonObject } from './pages';
import { StoryTimelineQueryDto } from './read-query.dto';
import { EXTRA_READ_MODELS, StoryTimelineDto } from './read-responses.dto';
import { StoryTimelineReads } from './story-timeline-reads';

/**
 * `GET /stories/:id/timeline` as JSON: the story's entries as the timeline stores them, grouped
 * by day. A browser gets the page of the same address (StoryTimelinePageController).
 */
@ApiTags('stories')
@ApiExtraModels(...EXTRA_READ_MODELS)
@Controller('stories')
export class StoryTimelineController {
  constructor(private readonly reads: StoryTimelineReads) {}

  @Get(':id/timeline')
  @ApiRead({
    summary: "A story's timeline, by id or slug: its facts in the timeline's order, with its updates and corrections where they happened",
    description:
      "Every day with an entry of the story, oldest first, each day's entries in the order `GET /timeline?storyId=` gives them (docs/dates.md): facts on the day their date knowledge places them, the dates they are about, and the story's revisions on the day they were published. In pages of `limit` entries. Content negotiation: a request whose `Accept` prefers `text/html` (a browser) gets the page of the story's timeline instead.",
    type: StoryTimelineDto,
    notFound: true,
    badRequest: 'minPosition, limit or cursor is malformed, or a query parameter is unknown.',
    paged: true,
  })
  @ApiProduces('application/json', 'text/html')
  async timeline(
    @Param('id') address: string,
    @Query() q: StoryTimelineQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<string> {
    reply.header('Vary', 'Accept');
    const read = await this.reads.read(address, q, reply, request);
    const days: { date: string; entries: StoredEntry[] }[] = [];
    for (const e of read.page.entries) {
      const last = days.at(-1);
      if (last?.date === e.date) last.entries.push(e);
      else days.push({ date: e.date, entries: [e] });
    }
    return asJson(
      reply,
      jsonObject([
        ['id', JSON.stringify(read.id)],
        ['slug', JSON.stringify(read.slug)],
        ['headline', JSON.stringify(read.headline)],
        ['position', String(read.position)],
        [
          'days',
          `[${days
            .map((d) =>
              jsonObject([
                ['date', JSON.stringify(d.date)],
                ['entries', `[${d.entries.map((e) => e.json).join(',')}]`],
              ]),
            )
            .join(',')}]`,
        ],
        ['next', read.next && JSON.stringify(read.next)],
      ]),
    );
  }
}
