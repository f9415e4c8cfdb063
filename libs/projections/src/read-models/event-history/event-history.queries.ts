import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { namedQuery } from '../../tables/named-statements';
import { DIPLOMATIC_EVENT_VERSIONS, EVENT_HISTORY_READ_MODEL, VersionRow } from './event-history.table';

/** One change in a diplomatic event's history, as the API answers it. */
export interface HistoryItem {
  version: number;
  type: string;
  recordedAt: string;
  editor?: string;
  reason?: string;
  changes?: unknown;
}

/** A change to some diplomatic event, at its position in the log: what the live feed announces. */
export interface PositionedVersion {
  readonly eventId: string;
  readonly version: number;
  readonly type: string;
  readonly position: number;
}

/** A change with what a reader of the feeds sees of it: when, by whom, why, and which fields it changed. */
export interface PositionedHistoryItem extends HistoryItem {
  readonly eventId: string;
  readonly position: number;
}

const T = DIPLOMATIC_EVENT_VERSIONS.name;

/** Questions answered from diplomatic_event_versions alone, with indexed lookups. */
@Injectable()
export class EventHistoryQueries {
  /** The read models these answers come from: what a `minPosition` read of them waits for. */
  readonly readModels = [EVENT_HISTORY_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  /**
   * The event's changes, oldest first; empty for an unknown event. A page of them: written by
   * position `at`, after version `after`, at most `limit` and one more.
   */
  async history(
    eventId: string,
    page: { at: number; after?: number; limit?: number } = { at: Number.MAX_SAFE_INTEGER },
  ): Promise<HistoryItem[]> {
    const { rows } = await namedQuery<VersionRow>(
      this.sql,
      `SELECT version, type, recorded_at, editor, reason, changes FROM ${T}
        WHERE event_id = $1 AND position <= $2 AND version > $3 ORDER BY version LIMIT $4`,
      [eventId, page.at, page.after ?? 0, page.limit === undefined ? null : page.limit + 1],
    );
    return rows.map(historyItem);
  }

  /** The event's last change written by position `at`; undefined for an unknown event. */
  async last(eventId: string, at = Number.MAX_SAFE_INTEGER): Promise<HistoryItem | undefined> {
    const { rows } = await namedQuery<VersionRow>(
      this.sql,
      `SELECT version, type, recorded_at, editor, reason, changes FROM ${T} WHERE event_id = $1 AND position <= $2 ORDER BY version DESC LIMIT 1`,
      [eventId, at],
    );
    return rows[0] && historyItem(rows[0]);
  }

  /** Changes to any diplomatic event after position `after`, up to `upTo`, in log order, at most `limit`. */
  async changes(after: number, upTo: number, limit: number): Promise<PositionedVersion[]> {
    const { rows } = await namedQuery<VersionRow>(
      this.sql,
      `SELECT event_id, version, type, position FROM ${T} WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      [after, upTo, limit],
    );
    return rows.map((r) => ({ eventId: r.event_id, version: r.version, type: r.type, position: Number(r.position) }));
  }

  /**
   * The newest changes to any diplomatic event written by position `at` and before position
   * `before` (when given), newest first, at most `limit`: the feeds' page of fact changes.
   */
  async newest(page: { at: number; before?: number; limit: number }): Promise<PositionedHistoryItem[]> {
    const { rows } = await namedQuery<VersionRow>(
      this.sql,
      `SELECT event_id, version, type, recorded_at, editor, reason, changes, position FROM ${T}
        WHERE position <= $1 AND position < $2 ORDER BY position DESC LIMIT $3`,
      [page.at, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    );
    return rows.map(positioned);
  }

  /** These versions of these events, in no particular order; a version not recorded is left out. */
  async versions(keys: readonly { readonly eventId: string; readonly version: number }[]): Promise<PositionedHistoryItem[]> {
    if (keys.length === 0) return [];
    const { rows } = await namedQuery<VersionRow>(
      this.sql,
      `SELECT h.event_id, h.version, h.type, h.recorded_at, h.editor, h.reason, h.changes, h.position
         FROM ${T} h JOIN unnest($1::uuid[], $2::integer[]) AS k(event_id, version) ON h.event_id = k.event_id AND h.version = k.version`,
      [keys.map((k) => k.eventId), keys.map((k) => k.version)],
    );
    return rows.map(positioned);
  }
}

function positioned(r: VersionRow): PositionedHistoryItem {
  return { ...historyItem(r), eventId: r.event_id, position: Number(r.position) };
}

function historyItem(h: Pick<VersionRow, 'version' | 'type' | 'recorded_at' | 'editor' | 'reason' | 'changes'>): HistoryItem {
  return {
    version: h.version,
    type: h.type,
    recordedAt: new Date(h.recorded_at).toISOString(),
    ...(h.editor ? { editor: h.editor } : {}),
    ...(h.reason ? { reason: h.reason } : {}),
    ...(h.changes ? { changes: h.changes } : {}),
  };
}
