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

  /**
   * The event's latest version (also when retracted) and its history; undefined for an unknown
   * event. With a page: as written by position `at`, the history after version `after`, at most
   * `limit` and one more.
   */
  async diplomaticEvent(
    eventId: string,
    page: { at: number; after?: number; limit?: number } = { at: Number.MAX_SAFE_INTEGER },
  ): Promise<DiplomaticEventView | undefined> {
    const whole = page.after === undefined && page.limit === undefined;
    const [latest, history, lastOfPage] = await Promise.all([
      this.events.latest(eventId, page.at),
      this.history.history(eventId, page),
      // The whole history ends with the last change; a page may not.
      whole ? undefined : this.history.last(eventId, page.at),
    ]);
    const last = whole ? history.at(-1) : lastOfPage;
    if (!latest || !last) return undefined;
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
