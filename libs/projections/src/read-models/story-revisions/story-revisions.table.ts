import { declareTable } from '../../tables/table-declaration';
import { SEARCH_CONFIG } from '../../tables/text-search';

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

/**
 * What a search matches in a story's revision (docs/search.md), weighted for ranking: its
 * headline (A), its editor's note (C) and its text (D). The generated column `search_vector`,
 * as the facts' one (timeline-entries.table.ts).
 */
const STORY_SEARCH_VECTOR =
  `setweight(to_tsvector('${SEARCH_CONFIG}', headline), 'A')` +
  ` || setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(editors_note, '')), 'C')` +
  ` || setweight(to_tsvector('${SEARCH_CONFIG}', body), 'D')`;

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
  generated: { search_vector: { type: 'tsvector', expression: STORY_SEARCH_VECTOR } },
  indexes: [
    // Revisions on the timeline by the day they were published, and as recorded by an instant.
    { on: ['published_at'] },
    { on: ['recorded_at'] },
    // The live feed asks what changed after a position.
    { on: ['position'] },
    // Stories are addressed by slug too (GET /stories/istanbul-peace-talks-2025).
    { on: ['slug', 'position'], where: 'revision = 1' },
    // Search (docs/search.md): every revision's words; a read keeps the latest revision at its position.
    { on: ['headline', 'editors_note', 'body'], using: 'gin', expression: 'search_vector' },
  ],
});
