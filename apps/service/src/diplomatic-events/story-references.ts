import { Inject, Injectable } from '@nestjs/common';
import { InvalidInput, isUuid, storyStream } from '@dateline/domain';
import type { EventStore } from '@dateline/event-store';
import { EVENT_STORE } from '../storage/storage.tokens';

/**
 * Checks that the stories a diplomatic event names exist, through the EventStore port: the
 * domain has no I/O. An unknown id is a 400 that names it, like every other problem with a
 * field: the request is well formed but its content is wrong, and the client fixes it the same
 * way. (422 would also fit, but in this API 422 means one thing only: an Idempotency-Key reused
 * with another body.) Checked before the append, not in its transaction: stories are never
 * deleted, so a story that exists now still exists when the event is appended.
 */
@Injectable()
export class StoryReferences {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `storyIds` as the request has it (undefined: the field is left out, nothing to check). */
  async requireExisting(storyIds: readonly unknown[] | null | undefined, field = 'storyIds'): Promise<void> {
    if (!Array.isArray(storyIds)) return;
    // Ids that are no UUIDs, and repeats, are the domain's to name; each story is read once.
    const ids = [...new Set(storyIds.filter(isUuid).map((id) => id.toLowerCase()))];
    const found = await Promise.all(ids.map(async (id) => (await this.store.readStream(storyStream(id))).length > 0));
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length > 0) throw new InvalidInput(missing.map((id) => `${field} names story ${id}, which does not exist`));
  }
}
