import { isBoringRevision, revisionTimelineDate, StoryRevisionEntry } from '@dateline/domain';
import { RevisionRow } from './story-revisions.table';

/** A story revision as the API answers it. */
export interface StoryRevisionView {
  id: string;
  revision: number;
  slug: string;
  headline: string;
  body: string;
  editorsNote?: string;
  developing: boolean;
  byline?: string;
  tags: string[];
  /** The language the story is written in (BCP 47), when the newsroom said. */
  language?: string;
  kind: 'created' | 'update' | 'correction';
  changeNote?: string;
  editor?: string;
  recordedAt: string;
  /** When the newsroom published it (editorial time). */
  publishedAt: string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

export function toRevisionView(r: RevisionRow): StoryRevisionView {
  return {
    id: r.story_id,
    revision: r.revision,
    slug: r.slug,
    headline: r.headline,
    body: r.body,
    ...(r.editors_note !== null ? { editorsNote: r.editors_note } : {}),
    developing: r.developing,
    ...(r.byline !== null ? { byline: r.byline } : {}),
    tags: r.tags,
    ...(r.language !== null && r.language !== undefined ? { language: r.language } : {}),
    kind: r.kind,
    ...(r.change_note !== null ? { changeNote: r.change_note } : {}),
    ...(r.editor !== null ? { editor: r.editor } : {}),
    recordedAt: iso(r.recorded_at),
    publishedAt: iso(r.published_at),
  };
}

/** A revision on the timeline: on the day of its publication (editorial time) in the reader's `tz`. */
export function toRevisionEntry(
  r: Pick<RevisionRow, 'story_id' | 'slug' | 'revision' | 'recorded_at' | 'published_at' | 'headline' | 'kind' | 'change_note' | 'editor'>,
  tz: string,
): StoryRevisionEntry {
  return {
    type: 'story-revision',
    id: r.story_id,
    slug: r.slug,
    revision: r.revision,
    date: revisionTimelineDate(iso(r.published_at), tz),
    recordedAt: iso(r.recorded_at),
    publishedAt: iso(r.published_at),
    headline: r.headline,
    kind: r.kind,
    ...(r.change_note ? { changeNote: r.change_note } : {}),
    ...(r.editor ? { editor: r.editor } : {}),
  };
}

/** Revision summaries for the history list, each flagged when it only touched punctuation or spacing. */
export function summarizeRevisions(revisions: StoryRevisionView[]) {
  return revisions.map((r, i) => ({
    revision: r.revision,
    recordedAt: r.recordedAt,
    publishedAt: r.publishedAt,
    ...(r.editor ? { editor: r.editor } : {}),
    kind: r.kind,
    ...(r.changeNote ? { changeNote: r.changeNote } : {}),
    headline: r.headline,
    boring: i > 0 && isBoringRevision(revisions[i - 1], r),
  }));
}
