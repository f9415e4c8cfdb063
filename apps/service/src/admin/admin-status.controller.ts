import { Controller, Get, Inject } from '@nestjs/common';
import type { EventStore } from '@dateline/event-store';
import { RequiresRole } from '../auth/requires-role.decorator';
import { ReadModelFollower } from '../reading/read-model.follower';
import { EVENT_STORE } from '../storage/storage.tokens';

/** What an operator checks first: how far the log is, and how far the read side has got. */
@Controller('admin')
export class AdminStatusController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly follower: ReadModelFollower,
  ) {}

  @Get('status')
  @RequiresRole('admin')
  async status() {
    const head = await this.store.headPosition();
    return { log: { head }, readModel: { position: this.follower.position, caughtUp: this.follower.position >= head } };
  }
}
