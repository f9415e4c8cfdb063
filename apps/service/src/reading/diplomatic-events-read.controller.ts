import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DiplomaticEventQueries, ReadModelPositions } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { ApiRead } from '../http/api-docs';
import { SETTINGS } from '../storage/storage.tokens';
import { readPosition, type HeaderSink } from './consistency';
import { ConsistencyQueryDto } from './read-query.dto';
import { DiplomaticEventDto } from './read-responses.dto';
import { AggregateIdPipe } from '../http/aggregate-id.pipe';

@ApiTags('diplomatic events')
@Controller('diplomatic-events')
export class DiplomaticEventsReadController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly events: DiplomaticEventQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':id')
  @ApiRead({
    summary: 'A diplomatic event: its current state (also when retracted) and full history',
    type: DiplomaticEventDto,
    notFound: true,
    badRequest: 'minPosition is malformed.',
  })
  async get(
    @Param('id', new AggregateIdPipe('diplomatic event')) id: string,
    @Query() q: ConsistencyQueryDto,
    @Res({ passthrough: true }) reply: HeaderSink,
  ) {
    const position = await readPosition(this.positions, this.events.readModels, q.minPosition, this.settings.minPositionWaitMs, reply);
    const event = await this.events.diplomaticEvent(id);
    if (!event) throw new NotFoundException(`diplomatic event ${id} not found`);
    return { ...event, position };
  }
}
