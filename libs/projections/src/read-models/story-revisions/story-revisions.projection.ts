import { editorialTime, eventRoutes, evolveStory, initialStoryState, StoryCreated, StoryRevised, StoryState } from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { Projection, ProjectionContext } from '../../projection';
import { insertRows } from '../../tables/insert-rows';
import { TableNames } from '../../tables/table-names';
import { RevisionRow, STORY_REVISIONS, STORY_REVISIONS_READ_MODEL } from './story-revisions.table';

/** Every revision of every story, with its full text: the story, its history and its diffs. */
export class StoryRevisionsProjection implements Projection {
  readonly name = STORY_REVISIONS_READ_MODEL;
  readonly tables = [STORY_REVISIONS];
  readonly routes = eventRoutes<ProjectionContext, Promise<void> | void>()({
    // Diplomatic events link to stories, but a story's text and revisions do not change with them.
    ignore: [
      'DiplomaticEventRecorded',
      'DiplomaticEventAmended',
      'DiplomaticEventRetracted',
      'FactCandidateAccepted',
      'FactCandidateDismissed',
    ],
    handle: {
      StoryCreated: (e, c) => this.stage(e, initialStoryState, c),
      StoryRevised: async (e, c) => this.stage(e, toState(await this.previous(e.data.storyId, c)), c),
    },
  });

  private rows: RevisionRow[] = [];
  private latest = new Map<string, RevisionRow>();

  private stage(e: StoryCreated | StoryRevised, before: StoryState, c: ProjectionContext): void {
    const state = evolveStory(before, e);
    const revised = e.type === 'StoryRevised' ? e.data : undefined;
    const row: RevisionRow = {
      story_id: e.data.storyId,
      revision: state.revision,
      slug: state.slug,
      headline: state.headline,
      body: state.body,
      editors_note: state.editorsNote ?? null,
      developing: state.developing,
      byline: state.byline ?? null,
      tags: [...state.tags],
      language: state.language ?? null,
      kind: revised ? revised.kind : 'created',
      change_note: revised ? revised.changeNote : null,
      editor: c.editor ?? null,
      recorded_at: c.recordedAt,
      published_at: editorialTime(e.data, c.recordedAt),
      position: c.position,
    };
    this.rows.push(row);
    this.latest.set(row.story_id, row);
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const rows = this.rows;
    this.reset();
    await insertRows(tx, STORY_REVISIONS, t[STORY_REVISIONS.name], rows);
  }

  reset(): void {
    this.rows = [];
    this.latest = new Map();
  }

  private async previous(storyId: string, c: ProjectionContext): Promise<RevisionRow> {
    const staged = this.latest.get(storyId);
    if (staged) return staged;
    const { rows } = await c.tx.query<RevisionRow>(
      `SELECT * FROM ${c.tables[STORY_REVISIONS.name]} WHERE story_id = $1 ORDER BY revision DESC LIMIT 1`,
      [storyId],
    );
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
    ...(r.language !== null ? { language: r.language } : {}),
    revision: r.revision,
  };
}
