import { Controller, Get, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';
import { awaitConsistency, type HeaderSink } from './consistency';
import { ReadModelFollower } from './read-model.follower';
import { ConsistencyQueryDto } from './read-query.dto';

@Controller('stories')
export class StoriesReadController {
  constructor(
    private readonly follower: ReadModelFollower,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Query() q: ConsistencyQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    await awaitConsistency(this.follower, q.minPosition, this.settings.minPositionWaitMs, reply);
    const history = this.follower.model.storyHistory(id);
    if (!history) throw new NotFoundException(`story ${id} not found`);
    const { exists: _e, storyId: _s, revision, ...state } = history.at(-1)!.state;
    return {
      id,
      ...state,
      revision,
      createdAt: history[0].recordedAt,
      updatedAt: history.at(-1)!.recordedAt,
      linkedEvents: this.follower.model.linkedEvents(id).map((e) => ({ id: e.id, title: e.title, kind: e.kind, occurredOn: e.occurredOn, version: e.version })),
      position: this.follower.position,
    };
  }
}
