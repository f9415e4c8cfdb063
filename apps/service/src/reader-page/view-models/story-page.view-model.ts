import { factDateWords, formatInstantUtc, isBoringRevision } from '@dateline/domain';
import type { LinkedEvent, StoryRevisionView } from '@dateline/projections';
import { storyJsonLd } from '../../exports/json-ld';
import { DiffPart, wordDiff } from '../../reading/word-diff';

export interface RevisionRowView {
  readonly revision: number;
  readonly recordedAt: string;
  readonly recordedLabel: string;
  readonly kindLabel: string;
  readonly kind: StoryRevisionView['kind'];
  readonly editor?: string;
  readonly changeNote?: string;
  /** Only spacing or punctuation changed. */
  readonly boring: boolean;
  /** Link to the diff against the revision before. */
  readonly compareHref?: string;
}

export interface StoryPageView {
  readonly id: string;
  readonly headline: string;
  readonly editorsNote?: string;
  readonly developing: boolean;
  readonly byline?: string;
  readonly revision: number;
  readonly published: { readonly at: string; readonly label: string };
  readonly updated: { readonly at: string; readonly label: string };
  readonly paragraphs: readonly string[];
  readonly tags: readonly string[];
  readonly linkedEvents: readonly { title: string; kind: string; date: string; href: string }[];
  readonly revisions: readonly RevisionRowView[];
  readonly diff?: {
    readonly from: number;
    readonly to: number;
    readonly boring: boolean;
    readonly headline: readonly DiffPart[];
    readonly body: readonly DiffPart[];
  };
  readonly jsonLd: unknown;
}

const KIND_LABELS: Record<StoryRevisionView['kind'], string> = { created: 'Published', update: 'Update', correction: 'Correction' };

export function storyPageView(
  story: StoryRevisionView & { createdAt: string; linkedEvents: readonly LinkedEvent[] },
  revisions: readonly StoryRevisionView[],
  diff: { from: number; to: number } | undefined,
): StoryPageView {
  const find = (n: number) => revisions.find((r) => r.revision === n);
  const a = diff && find(diff.from);
  const b = diff && find(diff.to);
  return {
    id: story.id,
    headline: story.headline,
    ...(story.editorsNote ? { editorsNote: story.editorsNote } : {}),
    developing: story.developing,
    ...(story.byline ? { byline: story.byline } : {}),
    revision: story.revision,
    published: { at: story.createdAt, label: formatInstantUtc(story.createdAt) },
    updated: { at: story.recordedAt, label: formatInstantUtc(story.recordedAt) },
    paragraphs: story.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    tags: story.tags,
    linkedEvents: story.linkedEvents.map((e) => ({
      title: e.title,
      kind: e.kind,
      date: factDateWords(e.when),
      href: `/?from=${e.date}&to=${e.date}#event-${e.id}`,
    })),
    revisions: revisions.map((r, i) => ({
      revision: r.revision,
      recordedAt: r.recordedAt,
      recordedLabel: formatInstantUtc(r.recordedAt, true),
      kindLabel: KIND_LABELS[r.kind],
      kind: r.kind,
      ...(r.editor ? { editor: r.editor } : {}),
      ...(r.changeNote ? { changeNote: r.changeNote } : {}),
      boring: i > 0 && isBoringRevision(revisions[i - 1], r),
      ...(i > 0 ? { compareHref: `/stories/${story.id}?from=${revisions[i - 1].revision}&to=${r.revision}#compare` } : {}),
    })),
    ...(a && b
      ? {
          diff: {
            from: a.revision,
            to: b.revision,
            boring: isBoringRevision(a, b),
            headline: wordDiff(a.headline, b.headline),
            body: wordDiff(a.body, b.body),
          },
        }
      : {}),
    jsonLd: storyJsonLd(story, revisions, `/stories/${story.id}`),
  };
}
