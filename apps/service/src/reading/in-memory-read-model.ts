import {
  applyChanges,
  compareEntries,
  DatelineEvent,
  diplomaticEventEntry,
  DiplomaticEventEntry,
  DiplomaticEventFields,
  evolveStory,
  initialStoryState,
  matchesFilter,
  revisionTimelineDate,
  StoryRevisionEntry,
  StoryState,
  TimelineEntry,
  TimelineFilter,
  upcast,
} from '@dateline/domain';
import { RecordedEvent } from '@dateline/event-store';

export interface StoryRevisionRecord {
  readonly revision: number;
  readonly recordedAt: string;
  readonly editor?: string;
  readonly kind: 'created' | 'update' | 'correction';
  readonly changeNote?: string;
  readonly state: StoryState;
}

export interface EventVersionRecord {
  readonly version: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly editor?: string;
  readonly reason?: string;
  readonly changes?: unknown;
  readonly fields: DiplomaticEventFields;
  readonly retracted: boolean;
}

/**
 * The read side of the core issue: every story and diplomatic event with its full history,
 * kept in memory and fed from the log in order. The projections issue replaces it with
 * checkpointed tables; the queries keep their shape.
 */
export class InMemoryReadModel {
  position = 0;
  private readonly stories = new Map<string, StoryRevisionRecord[]>();
  private readonly events = new Map<string, EventVersionRecord[]>();

  apply(recorded: RecordedEvent): void {
    const event = upcast(recorded.type, recorded.schemaVersion, recorded.data);
    const recordedAt = String(recorded.metadata.recordedAt);
    const editor = recorded.metadata.editor as string | undefined;
    this.applyEvent(event, recordedAt, editor);
    this.position = recorded.position;
  }

  private applyEvent(event: DatelineEvent, recordedAt: string, editor?: string): void {
    switch (event.type) {
      case 'StoryCreated':
      case 'StoryRevised': {
        const id = event.data.storyId;
        const history = this.stories.get(id) ?? [];
        const before = history.at(-1)?.state ?? initialStoryState;
        const state = evolveStory(before, event);
        const kind = event.type === 'StoryCreated' ? 'created' : event.data.kind;
        const changeNote = event.type === 'StoryRevised' ? event.data.changeNote : undefined;
        history.push({ revision: state.revision, recordedAt, editor, kind, changeNote, state });
        this.stories.set(id, history);
        return;
      }
      case 'DiplomaticEventRecorded': {
        const { eventId, ...fields } = event.data;
        this.events.set(eventId, [{ version: 1, type: event.type, recordedAt, editor, fields, retracted: false }]);
        return;
      }
      case 'DiplomaticEventAmended': {
        const history = this.events.get(event.data.eventId)!;
        const prev = history.at(-1)!;
        const { version, changes, reason } = event.data;
        history.push({ version, type: event.type, recordedAt, editor, reason, changes, fields: applyChanges(prev.fields, changes), retracted: false });
        return;
      }
      case 'DiplomaticEventRetracted': {
        const history = this.events.get(event.data.eventId)!;
        const { version, reason } = event.data;
        history.push({ version, type: event.type, recordedAt, editor, reason, fields: history.at(-1)!.fields, retracted: true });
        return;
      }
    }
  }

  storyHistory(id: string): readonly StoryRevisionRecord[] | undefined {
    return this.stories.get(id);
  }

  eventHistory(id: string): readonly EventVersionRecord[] | undefined {
    return this.events.get(id);
  }

  /** Diplomatic events linked to a story, as they are now (retracted ones left out). */
  linkedEvents(storyId: string): DiplomaticEventEntry[] {
    return this.currentEntries(undefined).filter((e): e is DiplomaticEventEntry => e.type === 'diplomatic-event' && e.storyIds.includes(storyId));
  }

  /** Entries dated from `from` to `to` (both included), as known at `asOf` (default: now). */
  timeline(from: string, to: string, opts: { asOf?: string; tz?: string } & TimelineFilter = {}): TimelineEntry[] {
    return [...this.currentEntries(opts.asOf), ...this.revisionEntries(opts.asOf, opts.tz)]
      .filter((e) => e.date >= from && e.date <= to && matchesFilter(e, opts))
      .sort((a, b) => (a.date === b.date ? compareEntries(a, b) : a.date < b.date ? -1 : 1));
  }

  private currentEntries(asOf: string | undefined): TimelineEntry[] {
    const out: TimelineEntry[] = [];
    const cutoff = asOf ? Date.parse(asOf) : Infinity;
    for (const [id, history] of this.events) {
      const known = history.filter((v) => Date.parse(v.recordedAt) <= cutoff);
      const current = known.at(-1);
      if (!current || current.retracted) continue;
      out.push(diplomaticEventEntry(id, current.version, current.fields, current.recordedAt, history[0].recordedAt));
    }
    return out;
  }

  private revisionEntries(asOf: string | undefined, tz = 'UTC'): StoryRevisionEntry[] {
    const cutoff = asOf ? Date.parse(asOf) : Infinity;
    const out: StoryRevisionEntry[] = [];
    for (const [id, history] of this.stories) {
      for (const r of history) {
        if (Date.parse(r.recordedAt) > cutoff) break;
        out.push({
          type: 'story-revision',
          id,
          slug: r.state.slug,
          revision: r.revision,
          date: revisionTimelineDate(r.recordedAt, tz),
          recordedAt: r.recordedAt,
          headline: r.state.headline,
          kind: r.kind,
          ...(r.changeNote ? { changeNote: r.changeNote } : {}),
          ...(r.editor ? { editor: r.editor } : {}),
        });
      }
    }
    return out;
  }
}
