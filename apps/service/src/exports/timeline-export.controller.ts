import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { formatCalendarDate, formatInstantUtc, MAX_RANGE_DAYS, readRangeProblem } from '@dateline/domain';
import { CACHE_KEYS, ReadModelPositions, TimelineQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { surrogateKeys } from '../http-caching/surrogate-keys';
import { readPosition, type HeaderSink } from '../reading/consistency';
import { TimelineSpanQueryDto } from '../reading/read-query.dto';
import { SETTINGS } from '../storage/storage.tokens';
import { TimelineJsDocumentDto } from './timelinejs.dto';
import { toTimelineJs, type TimelineJsGrouping } from './timelinejs';

export class TimelineJsExportQueryDto extends TimelineSpanQueryDto {
  @ApiPropertyOptional({
    enum: ['kind', 'participant'],
    default: 'kind',
    description: 'TimelineJS group (row) of each slide: the kind of event, or its first participant.',
  })
  @IsOptional()
  @IsIn(['kind', 'participant'])
  group?: TimelineJsGrouping;
}

@ApiTags('exports')
@Controller('timeline/export')
export class TimelineExportController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly timeline: TimelineQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('timelinejs')
  @ApiRead({
    summary: 'The timeline of a date range as Knight Lab TimelineJS JSON',
    description:
      'One slide per entry (diplomatic events and story revisions), `unique_id` stable per entry. Span dates give start_date and end_date, day dates no hour, and an inferred or approximate date a `display_date` in words ("c. 16 May 2025 (inferred)"). Headline and text are HTML-escaped, as TimelineJS renders them as HTML. Same filters and `asOf` as GET /timeline.',
    type: TimelineJsDocumentDto,
    badRequest: `from or to missing or not a real date, from after to, a range over ${MAX_RANGE_DAYS} days, or another malformed parameter.`,
  })
  async timelineJs(@Query() q: TimelineJsExportQueryDto, @Res({ passthrough: true }) reply: HeaderSink): Promise<TimelineJsDocumentDto> {
    const rangeProblem = readRangeProblem(q.from, q.to);
    if (rangeProblem) throw new BadRequestException([rangeProblem]);
    await readPosition(this.positions, this.timeline.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const entries = await this.timeline.timeline(q.from, q.to, q);
    surrogateKeys(reply, [CACHE_KEYS.timeline, ...new Set(entries.map((e) => CACHE_KEYS.day(e.date)))]);
    const range = q.from === q.to ? formatCalendarDate(q.from) : `${formatCalendarDate(q.from)} to ${formatCalendarDate(q.to)}`;
    return toTimelineJs(entries, {
      group: q.group,
      title: { headline: 'Dateline timeline', text: `<p>${range}${q.asOf ? `, as known at ${formatInstantUtc(q.asOf, true)}` : ''}</p>` },
    });
  }
}
