import { Injectable } from '@nestjs/common';
import { DiplomaticEventFields } from '@dateline/domain';
import { EventHistoryQueries, HistoryItem } from '../read-models/event-history/event-history.queries';
import { TimelineEntriesQueries } from '../read-models/timeline-entries/timeline-entries.queries';

export type DiplomaticEventView = DiplomaticEventFields & {
  id: string;
  version: number;
  /** Whether the fact stands or was retracted; `status` is the fact's own (happened, expected, …). */
  state: 'active' | 'retracted';
  recordedAt: string;
  updatedAt: string;
  history: HistoryItem[];
};

/** A diplomatic event: its latest fields (timeline entries) and its history (event history). */
@Injectable()
export class DiplomaticEventQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly events: TimelineEntriesQueries,
    private readonly history: EventHistoryQueries,
  ) {
    this.readModels = [...events.readModels, ...history.readModels];
  }

  /** The event's latest version (also when retracted) and its history; undefined for an unknown event. */
  async diplomaticEvent(eventId: string): Promise<DiplomaticEventView | undefined> {
    const [latest, history] = await Promise.all([this.events.latest(eventId), this.history.history(eventId)]);
    if (!latest || history.length === 0) return undefined;
    const last = history[history.length - 1];
    return {
      id: eventId,
      version: last.version,
      state: last.type === 'DiplomaticEventRetracted' ? 'retracted' : 'active',
      ...latest.fields,
      recordedAt: latest.firstRecordedAt,
      updatedAt: last.recordedAt,
      history,
    };
  }
}
