import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';
import { awaitConsistency, type HeaderSink } from './consistency';
import { ReadModelFollower } from './read-model.follower';
import { ConsistencyQueryDto } from './read-query.dto';

@Controller('diplomatic-events')
export class DiplomaticEventsReadController {
  constructor(
    private readonly follower: ReadModelFollower,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Query() q: ConsistencyQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    await awaitConsistency(this.follower, q.minPosition, this.settings.minPositionWaitMs, reply);
    const history = this.follower.model.eventHistory(id);
    if (!history) throw new NotFoundException(`diplomatic event ${id} not found`);
    const current = history.at(-1)!;
    return {
      id,
      version: current.version,
      status: current.retracted ? 'retracted' : 'active',
      ...current.fields,
      recordedAt: history[0].recordedAt,
      updatedAt: current.recordedAt,
      history: history.map((v) => ({
        version: v.version,
        type: v.type,
        recordedAt: v.recordedAt,
        ...(v.editor ? { editor: v.editor } : {}),
        ...(v.reason ? { reason: v.reason } : {}),
        ...(v.changes ? { changes: v.changes } : {}),
      })),
      position: this.follower.position,
    };
  }
}
