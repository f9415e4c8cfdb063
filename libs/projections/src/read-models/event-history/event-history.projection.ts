import { eventRoutes } from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { Projection, ProjectionContext } from '../../projection';
import { insertRows } from '../../tables/insert-rows';
import { TableNames } from '../../tables/table-names';
import { DIPLOMATIC_EVENT_VERSIONS, EVENT_HISTORY_READ_MODEL, VersionRow } from './event-history.table';

/** Each diplomatic event's history: who changed what, when and why. */
export class EventHistoryProjection implements Projection {
  readonly name = EVENT_HISTORY_READ_MODEL;
  readonly tables = [DIPLOMATIC_EVENT_VERSIONS];
  readonly routes = eventRoutes<ProjectionContext, void>()({
    // Stories have their history in their own read model (story-revisions); reviews in fact-candidates.
    ignore: ['StoryCreated', 'StoryRevised', 'FactCandidateAccepted', 'FactCandidateDismissed'],
    handle: {
      DiplomaticEventRecorded: (e, c) => this.stage(e.type, e.data.eventId, 1, null, null, c),
      DiplomaticEventAmended: (e, c) => this.stage(e.type, e.data.eventId, e.data.version, e.data.reason, e.data.changes, c),
      DiplomaticEventRetracted: (e, c) => this.stage(e.type, e.data.eventId, e.data.version, e.data.reason, null, c),
    },
  });

  private rows: VersionRow[] = [];

  /** One literal of one shape, no spread: spreads take V8's slow path, a large part of a rebuild. */
  private stage(type: string, eventId: string, version: number, reason: string | null, changes: unknown, c: ProjectionContext): void {
    this.rows.push({
      event_id: eventId,
      version,
      type,
      recorded_at: c.recordedAt,
      editor: c.editor ?? null,
      reason,
      changes,
      position: c.position,
    });
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const rows = this.rows;
    this.reset();
    await insertRows(tx, DIPLOMATIC_EVENT_VERSIONS, t[DIPLOMATIC_EVENT_VERSIONS.name], rows);
  }

  reset(): void {
    this.rows = [];
  }
}
