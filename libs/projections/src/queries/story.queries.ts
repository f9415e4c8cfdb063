import { Injectable } from '@nestjs/common';
import { DiplomaticEventEntry } from '@dateline/domain';
import { StoryRevisionView } from '../read-models/story-revisions/story-revision.view';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { LinkedEvent, linkedEvent, TimelineEntriesQueries } from '../read-models/timeline-entries/timeline-entries.queries';

export type StoryView = StoryRevisionView & { createdAt: string; firstPublishedAt: string; linkedEvents: LinkedEvent[] };

/** A story now, or as published at an instant: its revision (story revisions) and the diplomatic events linked to it (timeline entries). */
@Injectable()
export class StoryQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly revisions: StoryRevisionsQueries,
    private readonly events: TimelineEntriesQueries,
  ) {
    this.readModels = [...revisions.readModels, ...events.readModels];
  }

  /** The story now, or as published at `asPublished` (editorial time); undefined when unknown or not yet published then. */
  async story(storyId: string, q: { asPublished?: string } = {}): Promise<StoryView | undefined> {
    const current = await this.revisions.current(storyId, q);
    if (!current) return undefined;
    return { ...current, linkedEvents: await this.events.linkedTo(storyId, q) };
  }

  /**
   * The story now with its linked facts whole (the story page shows them): one read of the
   * facts, where `story` and a read of their versions read and parsed each fact twice.
   */
  async storyWithFacts(storyId: string): Promise<{ story: StoryView; facts: DiplomaticEventEntry[] } | undefined> {
    const current = await this.revisions.current(storyId);
    if (!current) return undefined;
    const facts = await this.events.linkedFacts(storyId);
    return { story: { ...current, linkedEvents: facts.map(linkedEvent) }, facts };
  }
}
