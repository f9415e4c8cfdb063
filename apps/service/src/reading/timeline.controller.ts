import { BadRequestException, Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { daysBetween, isCalendarDate, TimelineEntry } from '@dateline/domain';
import { ProjectorService } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';
import { readPosition, type HeaderSink } from './consistency';
import { TimelineDayQueryDto, TimelineRangeQueryDto } from './read-query.dto';

const MAX_RANGE_DAYS = 3660;

@Controller('timeline')
export class TimelineController {
  constructor(
    private readonly projector: ProjectorService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get()
  async range(@Query() q: TimelineRangeQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    if (q.to < q.from) throw new BadRequestException(['to must not be before from']);
    if (daysBetween(q.from, q.to) > MAX_RANGE_DAYS) throw new BadRequestException([`a range may span at most ${MAX_RANGE_DAYS} days`]);
    const position = await readPosition(this.projector, q.minPosition, this.settings.minPositionWaitMs, reply);
    const entries = await this.projector.queries.timeline(q.from, q.to, q);
    return { from: q.from, to: q.to, position, ...(q.asOf ? { asOf: q.asOf } : {}), days: groupByDay(entries) };
  }

  @Get(':date')
  async day(@Param('date') date: string, @Query() q: TimelineDayQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    if (!isCalendarDate(date)) throw new BadRequestException(['date must be a real calendar date YYYY-MM-DD']);
    const position = await readPosition(this.projector, q.minPosition, this.settings.minPositionWaitMs, reply);
    const entries = await this.projector.queries.timeline(date, date, q);
    return { date, position, ...(q.asOf ? { asOf: q.asOf } : {}), entries };
  }
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
