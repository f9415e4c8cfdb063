import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { isStorySlug, isUuid, parseStream, storySlugClaim } from '@dateline/domain';
import type { EventStore } from '@dateline/event-store';
import { StoryRevisionsQueries } from '@dateline/projections';
import { EVENT_STORE } from '../storage/storage.tokens';

/**
 * What `:id` in a story route names: a story id, or its slug (GET /stories/istanbul-peace-talks-2025).
 * Anything that names no story is a 404, also a malformed id: the client asked for a story
 * that is not there, whatever the address looked like.
 */
@Injectable()
export class StoryAddresses {
  constructor(
    private readonly revisions: StoryRevisionsQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** For reads: the read models say which story has the slug, as of their position. */
  async forRead(address: string): Promise<string> {
    if (isUuid(address)) return address.toLowerCase();
    const id = isStorySlug(address) ? await this.revisions.storyIdBySlug(address) : undefined;
    if (!id) throw storyNotFound(address);
    return id;
  }

  /**
   * For writes: the slug's claim in the event store says at once (a story created a moment ago
   * may not be in the read models yet); stories from before claims only the read models know.
   */
  async forWrite(address: string): Promise<string> {
    if (isUuid(address)) return address.toLowerCase();
    if (!isStorySlug(address)) throw storyNotFound(address);
    const holder = await this.store.claimHolder(storySlugClaim(address));
    const id = (holder && parseStream(holder)?.id) ?? (await this.revisions.storyIdBySlug(address));
    if (!id) throw storyNotFound(address);
    return id;
  }
}

export function storyNotFound(address: string): NotFoundException {
  return new NotFoundException(`story ${JSON.stringify(address)} not found: no story has this id or slug`);
}
