import { BadRequestException, Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { isCalendarDate, MAX_RANGE_DAYS, readRangeProblem, TimelineEntry } from '@dateline/domain';
import { ApiExtraModels, ApiParam, ApiTags } from '@nestjs/swagger';
import { ReadModelPositions, TimelineQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { SETTINGS } from '../storage/storage.tokens';
import { readPosition, type HeaderSink } from './consistency';
import { TimelineDayQueryDto, TimelineRangeQueryDto } from './read-query.dto';
import { EXTRA_READ_MODELS, TimelineDayDto, TimelineRangeDto } from './read-responses.dto';

@ApiTags('timeline')
@ApiExtraModels(...EXTRA_READ_MODELS)
@Controller('timeline')
export class TimelineController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly timeline: TimelineQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get()
  @ApiRead({
    summary: 'The timeline of a date range, grouped by day',
    description:
      'Every fact that can fall in the range, and every date a fact is about that can (docs/dates.md section 3), each on the day whose page shows it and with its `dating`; story revisions on the day they were published (in `tz`). `asOf` answers as the system had recorded it then; `asPublished` as the newsroom had published it then.',
    type: TimelineRangeDto,
    badRequest: `from or to missing or not a real date, from after to, a range over ${MAX_RANGE_DAYS} days, or another malformed parameter.`,
  })
  async range(@Query() q: TimelineRangeQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    const rangeProblem = readRangeProblem(q.from, q.to);
    if (rangeProblem) throw new BadRequestException([rangeProblem]);
    const position = await readPosition(this.positions, this.timeline.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const entries = await this.timeline.timeline(q.from, q.to, { ...q, match: 'can-fall-in' });
    return { from: q.from, to: q.to, position, ...asOfs(q), days: groupByDay(entries) };
  }

  @Get(':date')
  @ApiParam({ name: 'date', format: 'date', example: '2025-05-16' })
  @ApiRead({
    summary: 'The timeline of one day',
    description:
      'What is filed on the day (docs/dates.md): facts that happened on it, facts known only within bounds whose latest possible day it is (under their heading), dates facts are about, and story revisions published on it (in `tz`).',
    type: TimelineDayDto,
    badRequest: 'date is not a real calendar date, or a query parameter is malformed.',
  })
  async day(@Param('date') date: string, @Query() q: TimelineDayQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    if (!isCalendarDate(date)) throw new BadRequestException(['date must be a real calendar date YYYY-MM-DD']);
    const position = await readPosition(this.positions, this.timeline.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const entries = await this.timeline.timeline(date, date, q);
    return { date, position, ...asOfs(q), entries };
  }
}

function asOfs(q: { asOf?: string; asPublished?: string }): { asOf?: string; asPublished?: string } {
  return { ...(q.asOf ? { asOf: q.asOf } : {}), ...(q.asPublished ? { asPublished: q.asPublished } : {}) };
}

function groupByDay(entries: TimelineEntry[]): { date: string; entries: TimelineEntry[] }[] {
  const days: { date: string; entries: TimelineEntry[] }[] = [];
  for (const e of entries) {
    const last = days.at(-1);
    if (last?.date === e.date) last.entries.push(e);
    else days.push({ date: e.date, entries: [e] });
  }
  return days;
}
