import { Inject, Injectable } from '@nestjs/common';
import {
  DiplomaticEventEvent,
  diplomaticEventDecider,
  DiplomaticEventFields,
  diplomaticEventStream,
  InvalidInput,
  RelatedFact,
  storyRelationProblems,
  upcast,
} from '@dateline/domain';
import type { EventStore } from '@dateline/event-store';
import { TimelineEntriesQueries } from '@dateline/projections';
import { EVENT_STORE } from '../storage/storage.tokens';

/** The most facts one check reads: the stories of one fact, with the facts it names. */
export const MAX_RELATED_FACTS = 500;

/**
 * A fact's relations against the facts of its stories (docs/adr/0014-diplomatic-events-v2.md):
 * each names a fact that exists, is not retracted and shares a story with it; no cycle through
 * the relations already recorded; no order its dates contradict (checkStoryRelations). Each
 * problem is a 400 naming the facts.
 *
 * What it reads, and what that costs: the ids of the stories' current facts from the timeline
 * read model (one indexed query per story), and then each of those facts' streams from the
 * store (one read per fact, in parallel), so that the fact's own relations are checked against
 * the log, not a read model that may lag. At most MAX_RELATED_FACTS facts; more is a 400.
 * A fact the read model has not caught up with is still found when this fact names it.
 */
@Injectable()
export class StoryRelations {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly timeline: TimelineEntriesQueries,
  ) {}

  async check(eventId: string, fields: DiplomaticEventFields): Promise<void> {
    if (fields.storyIds.length === 0) {
      if (fields.relations.length > 0)
        throw new InvalidInput([
          'relations name other facts of this fact’s stories, and it belongs to no story: add storyIds, or leave relations out',
        ]);
      return;
    }
    const ids = new Set<string>(fields.relations.map((r) => r.fact));
    for (const storyId of fields.storyIds) for (const linked of await this.timeline.linkedTo(storyId)) ids.add(linked.id);
    ids.delete(eventId);
    if (ids.size > MAX_RELATED_FACTS)
      throw new InvalidInput([
        `the stories of this fact hold more than ${MAX_RELATED_FACTS} facts: its relations cannot be checked in one write`,
      ]);
    const stories = new Set(fields.storyIds);
    const others = await Promise.all([...ids].map(async (id) => [id, await this.current(id)] as const));
    const facts: RelatedFact[] = [{ id: eventId, name: fields.title, when: fields.when, relations: fields.relations }];
    for (const [id, other] of others) {
      // Retracted, unknown or of other stories only: not one of the story's facts, which the check names.
      if (!other || !other.storyIds.some((s) => stories.has(s))) continue;
      // Their relations to facts of other stories are theirs to keep; only these stories' order is checked here.
      const relations = other.relations.filter((r) => ids.has(r.fact) || r.fact === eventId);
      facts.push({ id, name: other.title, when: other.when, relations });
    }
    // Problems that do not involve this fact were there before it; they are not this write's to refuse.
    const problems = storyRelationProblems(facts).filter((p) => p.includes(eventId));
    if (problems.length > 0) throw new InvalidInput(problems);
  }

  /** A fact's current fields from its stream; undefined when it does not exist or is retracted. */
  private async current(id: string): Promise<DiplomaticEventFields | undefined> {
    const records = await this.store.readStream(diplomaticEventStream(id));
    const state = records.reduce(
      (s, r) => diplomaticEventDecider.evolve(s, upcast(r.type, r.schemaVersion, r.data) as DiplomaticEventEvent),
      diplomaticEventDecider.initialState,
    );
    return state.status === 'active' ? state.fields : undefined;
  }
}
