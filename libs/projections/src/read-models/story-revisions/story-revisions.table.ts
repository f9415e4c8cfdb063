import { declareTable } from '../../tables/table-declaration';

/** The read model's name: its projection's, its checkpoint's and its position's. */
export const STORY_REVISIONS_READ_MODEL = 'story-revisions';

/** A row of story_revisions: one revision of a story, with its full text. */
export interface RevisionRow {
  story_id: string;
  revision: number;
  slug: string;
  headline: string;
  body: string;
  editors_note: string | null;
  developing: boolean;
  byline: string | null;
  tags: string[];
  /** The story's language (BCP 47), when the newsroom said. */
  language: string | null;
  kind: 'created' | 'update' | 'correction';
  change_note: string | null;
  editor: string | null;
  /** An ISO string when staged; drivers read timestamptz back as a Date. */
  recorded_at: string | Date;
  /** Editorial time: when the newsroom published the revision; its recorded_at when it says none. */
  published_at: string | Date;
  position: number;
}

export const STORY_REVISIONS = declareTable<RevisionRow>()({
  // v2: published_at (editorial time); v3: language (issue 20). A new table so that a store
  // holding an older one projects afresh into this one at start (docs/operations.md).
  name: 'story_revisions_v3',
  columns: {
    story_id: { type: 'uuid' },
    revision: { type: 'integer' },
    slug: { type: 'text' },
    headline: { type: 'text' },
    body: { type: 'text' },
    editors_note: { type: 'text', nullable: true },
    developing: { type: 'boolean' },
    byline: { type: 'text', nullable: true },
    tags: { type: 'jsonb' },
    language: { type: 'text', nullable: true },
    kind: { type: 'text' },
    change_note: { type: 'text', nullable: true },
    editor: { type: 'text', nullable: true },
    recorded_at: { type: 'timestamptz' },
    published_at: { type: 'timestamptz' },
    position: { type: 'bigint' },
  },
  primaryKey: ['story_id', 'revision'],
  indexes: [
    // Revisions on the timeline by the day they were published, and as recorded by an instant.
    { on: ['published_at'] },
    { on: ['recorded_at'] },
    // The live feed asks what changed after a position.
    { on: ['position'] },
    // Stories are addressed by slug too (GET /stories/istanbul-peace-talks-2025).
    { on: ['slug', 'position'], where: 'revision = 1' },
  ],
});
