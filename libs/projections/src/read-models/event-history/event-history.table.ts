import { declareTable } from '../../tables/table-declaration';

/** The read model's name: its projection's, its checkpoint's and its position's. */
export const EVENT_HISTORY_READ_MODEL = 'event-history';

/** One change to a diplomatic event: its recording, an amendment or its retraction. */
export interface VersionRow {
  event_id: string;
  version: number;
  type: string;
  /** An ISO string when staged; drivers read timestamptz back as a Date. */
  recorded_at: string | Date;
  editor: string | null;
  reason: string | null;
  /** An amendment's changes; null for the recording and a retraction. */
  changes: unknown;
  position: number;
}

export const DIPLOMATIC_EVENT_VERSIONS = declareTable<VersionRow>()({
  name: 'diplomatic_event_versions',
  columns: {
    event_id: { type: 'uuid' },
    version: { type: 'integer' },
    type: { type: 'text' },
    recorded_at: { type: 'timestamptz' },
    editor: { type: 'text', nullable: true },
    reason: { type: 'text', nullable: true },
    changes: { type: 'jsonb', nullable: true },
    position: { type: 'bigint' },
  },
  primaryKey: ['event_id', 'version'],
  // The live feed asks what changed after a position.
  indexes: [{ on: ['position'] }],
});
