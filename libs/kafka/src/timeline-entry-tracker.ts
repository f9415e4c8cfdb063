import {
  DiplomaticEventEntry,
  diplomaticEventEntry,
  DiplomaticEventEvent,
  DiplomaticEventFields,
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
}

/** What the compacted topic should hold after an event: the entry, or null for a tombstone. */
export interface EntryChange {
  readonly entryId: string;
  readonly entry: DiplomaticEventEntry | null;
}

const CACHE_LIMIT = 10_000;

/**
 * Follows each diplomatic event's fields through its amendments, with the same domain functions
 * the timeline projection uses (evolve, diplomaticEventEntry). It reads from the log, not from
 * the projection's tables, so the relay never waits for the projector. Fields are cached; an
 * amendment of an event not in the cache (after a restart) folds its stream from the store.
 */
export class TimelineEntryTracker {
  private readonly known = new Map<string, Known>();

  /**
   * What each event type does to the compacted topic. Story events have no timeline entry there;
   * a new event type does not compile here until it is handled or ignored on purpose.
   */
  private readonly routes = eventRoutes<RecordedEvent, Promise<EntryChange>>()({
    ignore: ['StoryCreated', 'StoryRevised'],
    handle: {
      DiplomaticEventRecorded: (event, recorded) => {
        const { eventId, ...fields } = event.data;
        const at = recordedAt(recorded);
        this.remember(eventId, { version: 1, fields, firstRecordedAt: at });
        return Promise.resolve({ entryId: eventId, entry: diplomaticEventEntry(eventId, 1, fields, at, at) });
      },
      DiplomaticEventAmended: async (event, recorded) => {
        const id = event.data.eventId;
        const before = await this.before(id, recorded);
        const state = evolveDiplomaticEvent({ status: 'active', eventId: id, fields: before.fields, version: before.version }, event);
        this.remember(id, { version: state.version, fields: state.fields!, firstRecordedAt: before.firstRecordedAt });
        return { entryId: id, entry: diplomaticEventEntry(id, state.version, state.fields!, recordedAt(recorded), before.firstRecordedAt) };
      },
      DiplomaticEventRetracted: (event) => {
        this.known.delete(event.data.eventId);
        return Promise.resolve({ entryId: event.data.eventId, entry: null });
      },
    },
  });

  constructor(private readonly store: EventStore) {}

  /** The change `recorded` makes to the compacted topic; `undefined` for an event that makes none. */
  async change(recorded: RecordedEvent): Promise<EntryChange | undefined> {
    return this.routes.route(upcast(recorded.type, recorded.schemaVersion, recorded.data), recorded);
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
    return { version: state.version, fields: state.fields, firstRecordedAt: recordedAt(history[0]) };
  }
}
