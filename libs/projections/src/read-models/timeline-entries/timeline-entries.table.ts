import { DiplomaticEventFields } from '@dateline/domain';
import { declareTable } from '../../tables/table-declaration';

/** The read model's name: its projection's, its checkpoint's and its position's. */
export const TIMELINE_READ_MODEL = 'timeline';

/** One version of a diplomatic event on the timeline, valid from recorded_from until recorded_to. */
export interface EntryRow {
  event_id: string;
  version: number;
  occurred_on: string;
  kind: string;
  /** What the participant filter matches (participantKeys). */
  participants: string[];
  /** Lowercased, for the storyId filter. */
  story_ids: string[];
  /** ISO strings when staged; drivers read timestamptz back as a Date. */
  recorded_from: string | Date;
  recorded_to: string | Date | null;
  first_recorded_at: string | Date;
  position: number;
  fields: DiplomaticEventFields;
}

export const TIMELINE_ENTRIES = declareTable<EntryRow>()({
  name: 'timeline_entries',
  columns: {
    event_id: { type: 'uuid' },
    version: { type: 'integer' },
    occurred_on: { type: 'date' },
    kind: { type: 'text' },
    participants: { type: 'jsonb' },
    story_ids: { type: 'jsonb' },
    recorded_from: { type: 'timestamptz' },
    recorded_to: { type: 'timestamptz', nullable: true },
    first_recorded_at: { type: 'timestamptz' },
    position: { type: 'bigint' },
    fields: { type: 'jsonb' },
  },
  primaryKey: ['event_id', 'version'],
  indexes: [
    // A day or range now, and as of an instant.
    { on: ['occurred_on'], where: 'recorded_to IS NULL' },
    { on: ['occurred_on', 'recorded_from'] },
    // An event's current version (amendments, retractions, GET /diplomatic-events/:id).
    { on: ['event_id'], where: 'recorded_to IS NULL' },
    // The participant and storyId filters, and a story's linked events.
    { on: ['participants'], using: 'gin' },
    { on: ['story_ids'], using: 'gin' },
  ],
});
