import {
  AboutDateEntry,
  diplomaticEventEntries,
  DiplomaticEventEntry,
  DiplomaticEventEvent,
  DiplomaticEventFields,
  editorialTime,
  eventRoutes,
  evolveDiplomaticEvent,
  initialDiplomaticEventState,
  upcast,
} from '@dateline/domain';
import type { EventStore, RecordedEvent } from '@dateline/event-store';
import { recordedAt } from './cloud-event-message';

interface Known {
  readonly version: number;
  readonly fields: DiplomaticEventFields;
  readonly firstRecordedAt: string;
  /** The ids of the entries the version made (the fact, and the dates it is about). */
  readonly entryIds: readonly string[];
}

/** What the compacted topic should hold for one key after an event: the entry, or null for a tombstone. */
export interface EntryChange {
  readonly entryId: string;
  readonly entry: DiplomaticEventEntry | AboutDateEntry | null;
}

const CACHE_LIMIT = 10_000;

/**
 * Follows each diplomatic event's fields through its amendments, with the same domain functions
 * the timeline projection uses (evolve, diplomaticEventEntries). It reads from the log, not from
 * the projection's tables, so the relay never waits for the projector. Fields are cached; an
 * amendment or retraction of an event not in the cache (after a restart) folds its stream from
 * the store. A version makes one entry for the fact and one per date it is about; an about
 * entry the next version no longer makes, or a retraction, gets a tombstone.
 */
export class TimelineEntryTracker {
  private readonly known = new Map<string, Known>();

  /**
   * What each event type does to the compacted topic. Story events have no timeline entry there;
   * a new event type does not compile here until it is handled or ignored on purpose.
   */
  private readonly routes = eventRoutes<RecordedEvent, Promise<EntryChange[]>>()({
    // A review's fact reaches the timeline as the DiplomaticEventRecorded recorded before it.
    ignore: ['StoryCreated', 'StoryRevised', 'FactCandidateAccepted', 'FactCandidateDismissed'],
    handle: {
      DiplomaticEventRecorded: (event, recorded) => {
        const { eventId, ...fields } = event.data;
        const at = recordedAt(recorded);
        return Promise.resolve(this.made(eventId, 1, fields, at, at, editorialTime(event.data, at), []));
      },
      DiplomaticEventAmended: async (event, recorded) => {
        const id = event.data.eventId;
        const before = await this.before(id, recorded);
        const state = evolveDiplomaticEvent({ status: 'active', eventId: id, fields: before.fields, version: before.version }, event);
        const at = recordedAt(recorded);
        return this.made(id, state.version, state.fields!, at, before.firstRecordedAt, editorialTime(event.data, at), before.entryIds);
      },
      DiplomaticEventRetracted: async (event, recorded) => {
        const before = await this.before(event.data.eventId, recorded);
        this.known.delete(event.data.eventId);
        return before.entryIds.map((entryId) => ({ entryId, entry: null }));
      },
    },
  });

  constructor(private readonly store: EventStore) {}

  /** The changes `recorded` makes to the compacted topic, one per key; none for a story event. */
  async changes(recorded: RecordedEvent): Promise<EntryChange[]> {
    return (await this.routes.route(upcast(recorded.type, recorded.schemaVersion, recorded.data), recorded)) ?? [];
  }

  /** The entries a version makes, and tombstones for the entries of the version before that it no longer makes. */
  private made(
    id: string,
    version: number,
    fields: DiplomaticEventFields,
    at: string,
    firstRecordedAt: string,
    publishedAt: string,
    before: readonly string[],
  ): EntryChange[] {
    const entries = diplomaticEventEntries({ id, version, fields, times: { recordedAt: at, firstRecordedAt, publishedAt } });
    const ids = entries.map((e) => e.id);
    this.remember(id, { version, fields, firstRecordedAt, entryIds: ids });
    return [
      ...entries.map((entry) => ({ entryId: entry.id, entry })),
      ...before.filter((old) => !ids.includes(old)).map((entryId) => ({ entryId, entry: null })),
    ];
  }

  private remember(id: string, known: Known): void {
    // A bounded cache: forgetting only costs a stream read on the next amendment.
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.set(id, known);
  }

  /** The event's state just before `recorded`: from the cache, or folded from its stream. */
  private async before(id: string, recorded: RecordedEvent): Promise<Known> {
    const cached = this.known.get(id);
    if (cached && cached.version === recorded.streamVersion - 1) return cached;
    const history = (await this.store.readStream(recorded.streamId)).filter((e) => e.streamVersion < recorded.streamVersion);
    let state = initialDiplomaticEventState;
    for (const e of history) state = evolveDiplomaticEvent(state, upcast(e.type, e.schemaVersion, e.data) as DiplomaticEventEvent);
    if (!state.fields || history.length === 0)
      throw new Error(`diplomatic event ${id}: no history before version ${recorded.streamVersion}`);
    const firstRecordedAt = recordedAt(history[0]);
    // The ids only: which entries the version before made, so that those it drops get a tombstone.
    const entryIds = diplomaticEventEntries({
      id,
      version: state.version,
      fields: state.fields,
      times: { recordedAt: firstRecordedAt, firstRecordedAt, publishedAt: firstRecordedAt },
    }).map((e) => e.id);
    return { version: state.version, fields: state.fields, firstRecordedAt, entryIds };
  }
}
