import { Injectable } from '@nestjs/common';
import { StoryRevisionView } from '../read-models/story-revisions/story-revision.view';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { LinkedEvent, TimelineEntriesQueries } from '../read-models/timeline-entries/timeline-entries.queries';

export type StoryView = StoryRevisionView & { createdAt: string; linkedEvents: LinkedEvent[] };

/** A story now: its current revision (story revisions) and the diplomatic events linked to it (timeline entries). */
@Injectable()
export class StoryQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly revisions: StoryRevisionsQueries,
    private readonly events: TimelineEntriesQueries,
  ) {
    this.readModels = [...revisions.readModels, ...events.readModels];
  }

  async story(storyId: string): Promise<StoryView | undefined> {
    const current = await this.revisions.current(storyId);
    if (!current) return undefined;
    return { ...current, linkedEvents: await this.events.linkedTo(storyId) };
  }
}
