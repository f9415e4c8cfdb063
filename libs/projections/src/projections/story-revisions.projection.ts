import { EventsHandler } from '@nestjs/cqrs';
import { evolveStory, initialStoryState, StoryState } from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { ProjectedEvent, StoryCreatedEvent, StoryRevisedEvent } from '../projected-event';
import { Projection } from '../projection';
import { TableNames } from '../table-names';
import { Columns, insertRows } from './insert-rows';

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
  kind: 'created' | 'update' | 'correction';
  change_note: string | null;
  editor: string | null;
  /** An ISO string when staged; drivers read timestamptz back as a Date. */
  recorded_at: string | Date;
  position: number;
}

const REVISION_COLUMNS: Columns = {
  story_id: 'uuid',
  revision: 'integer',
  slug: 'text',
  headline: 'text',
  body: 'text',
  editors_note: 'text',
  developing: 'boolean',
  byline: 'text',
  tags: 'jsonb',
  kind: 'text',
  change_note: 'text',
  editor: 'text',
  recorded_at: 'timestamptz',
  position: 'bigint',
};

/** Every revision of every story, with its full text: the story, its history and its diffs. */
@EventsHandler(StoryCreatedEvent, StoryRevisedEvent)
export class StoryRevisionsProjection implements Projection {
  readonly name = 'story-revisions';
  readonly tables = ['story_revisions'];

  private rows: RevisionRow[] = [];
  private latest = new Map<string, RevisionRow>();

  schema(t: TableNames): string[] {
    const table = t.story_revisions;
    return [
      `CREATE TABLE ${table} (
        story_id uuid NOT NULL, revision integer NOT NULL, slug text NOT NULL, headline text NOT NULL, body text NOT NULL,
        editors_note text, developing boolean NOT NULL, byline text, tags jsonb NOT NULL,
        kind text NOT NULL, change_note text, editor text, recorded_at timestamptz NOT NULL, position bigint NOT NULL,
        PRIMARY KEY (story_id, revision))`,
      `CREATE INDEX ON ${table} (recorded_at)`,
      // The live feed asks what changed after a position.
      `CREATE INDEX ON ${table} (position)`,
      // Stories are addressed by slug too (GET /stories/istanbul-peace-talks-2025).
      `CREATE INDEX ON ${table} (slug, position) WHERE revision = 1`,
    ];
  }

  async handle(e: ProjectedEvent): Promise<void> {
    if (!(e instanceof StoryCreatedEvent || e instanceof StoryRevisedEvent)) return;
    const storyId = e.event.data.storyId;
    const before =
      e instanceof StoryCreatedEvent ? initialStoryState : toState(await this.previous(storyId, e.context.tx, e.context.tables));
    const state = evolveStory(before, e.event);
    const row: RevisionRow = {
      story_id: storyId,
      revision: state.revision,
      slug: state.slug,
      headline: state.headline,
      body: state.body,
      editors_note: state.editorsNote ?? null,
      developing: state.developing,
      byline: state.byline ?? null,
      tags: [...state.tags],
      kind: e instanceof StoryRevisedEvent ? e.event.data.kind : 'created',
      change_note: e instanceof StoryRevisedEvent ? e.event.data.changeNote : null,
      editor: e.editor ?? null,
      recorded_at: e.recordedAt,
      position: e.position,
    };
    this.rows.push(row);
    this.latest.set(storyId, row);
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const rows = this.rows;
    this.reset();
    await insertRows(
      tx,
      t.story_revisions,
      REVISION_COLUMNS,
      rows.map((r) => [
        r.story_id,
        r.revision,
        r.slug,
        r.headline,
        r.body,
        r.editors_note,
        r.developing,
        r.byline,
        r.tags,
        r.kind,
        r.change_note,
        r.editor,
        r.recorded_at,
        r.position,
      ]),
    );
  }

  reset(): void {
    this.rows = [];
    this.latest = new Map();
  }

  private async previous(storyId: string, tx: SqlQueryable, t: TableNames): Promise<RevisionRow> {
    const staged = this.latest.get(storyId);
    if (staged) return staged;
    const { rows } = await tx.query<RevisionRow>(`SELECT * FROM ${t.story_revisions} WHERE story_id = $1 ORDER BY revision DESC LIMIT 1`, [
      storyId,
    ]);
    if (!rows[0]) throw new Error(`story-revisions: no revision of story ${storyId}`);
    return rows[0];
  }
}

function toState(r: RevisionRow): StoryState {
  return {
    ...initialStoryState,
    exists: true,
    storyId: r.story_id,
    slug: r.slug,
    headline: r.headline,
    body: r.body,
    ...(r.editors_note !== null ? { editorsNote: r.editors_note } : {}),
    developing: r.developing,
    ...(r.byline !== null ? { byline: r.byline } : {}),
    tags: r.tags,
    revision: r.revision,
  };
}
