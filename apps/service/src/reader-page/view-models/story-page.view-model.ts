import { DiplomaticEventEntry, isBoringRevision } from '@dateline/domain';
import type { LinkedEvent, StoryRevisionView } from '@dateline/projections';
import { storyJsonLd } from '../../exports/json-ld';
import { revisionDiff } from '../../reading/revision-diff';
import type { DiffPart } from '../../reading/word-diff';
import { StoryFactGroup, storyFacts } from './story-facts.view-model';
import { revisionTimeKey } from './provenance-words';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

export interface RevisionRowView {
  readonly revision: number;
  /** When the newsroom published the revision (editorial time). */
  readonly publishedAt: string;
  readonly publishedLabel: string;
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
  readonly slug: string;
  readonly headline: string;
  readonly editorsNote?: string;
  readonly developing: boolean;
  readonly byline?: string;
  readonly revision: number;
  readonly published: { readonly at: string; readonly label: string };
  readonly updated: { readonly at: string; readonly label: string };
  readonly paragraphs: readonly string[];
  readonly tags: readonly string[];
  /** The language the story is written in (BCP 47), when the newsroom said. */
  readonly language?: string;
  /** The story's facts by date and order within the day. */
  readonly facts: readonly StoryFactGroup[];
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

export function storyPageView(
  story: StoryRevisionView & { firstPublishedAt: string; linkedEvents: readonly LinkedEvent[] },
  revisions: readonly StoryRevisionView[],
  diff: { from: number; to: number } | undefined,
  facts: readonly DiplomaticEventEntry[],
  m: Messages = messagesFor(),
): StoryPageView {
  const find = (n: number) => revisions.find((r) => r.revision === n);
  const a = diff && find(diff.from);
  const b = diff && find(diff.to);
  return {
    id: story.id,
    slug: story.slug,
    headline: story.headline,
    ...(story.editorsNote ? { editorsNote: story.editorsNote } : {}),
    developing: story.developing,
    ...(story.byline ? { byline: story.byline } : {}),
    revision: story.revision,
    // Editorial time: a story brought in from the archive says when the newsroom published it.
    published: { at: story.firstPublishedAt, label: m.dates.instantUtc(story.firstPublishedAt) },
    updated: { at: story.publishedAt, label: m.dates.instantUtc(story.publishedAt) },
    paragraphs: story.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    tags: story.tags,
    ...(story.language ? { language: story.language } : {}),
    // Its own revisions say when each was published: the day a fact's provenance names.
    facts: storyFacts(facts, new Map(revisions.map((r) => [revisionTimeKey(story.id, r.revision), r.publishedAt])), m),
    revisions: revisions.map((r, i) => ({
      revision: r.revision,
      publishedAt: r.publishedAt,
      publishedLabel: m.dates.instantUtc(r.publishedAt, true),
      kindLabel: m.story.kinds[r.kind],
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
            ...revisionDiff(a, b),
          },
        }
      : {}),
    jsonLd: storyJsonLd(story, revisions, `/stories/${story.id}`),
  };
}
