import { attributionWords, DiplomaticEventEntry, factDateWords, statusWords } from '@dateline/domain';
import type { FactFeedChange, FeedChange, RevisionFeedChange } from '@dateline/projections';
import { entryDomId } from '../reader-page/view-models/entry.view-model';
import { queryString } from '../reader-page/html';
import { FEED_NAMES, feedUrn } from './feed-ids';

/**
 * The kinds of change a feed item is, as the items' categories (Atom) and tags (JSON Feed) name
 * them: what an aggregator filters on, so the names are part of the feeds' contract.
 */
export const FEED_ITEM_KINDS = ['new-fact', 'amendment', 'retraction', 'new-story', 'story-update', 'correction'] as const;
export type FeedItemKind = (typeof FEED_ITEM_KINDS)[number];

const KIND_LABELS: Readonly<Record<FeedItemKind, string>> = {
  'new-fact': 'New fact',
  amendment: 'Amended',
  retraction: 'Retracted',
  'new-story': 'New story',
  'story-update': 'Updated',
  correction: 'Correction',
};

/** A link of an item: a path on this service, and what it answers. */
export interface FeedLink {
  readonly path: string;
  readonly type: 'text/html' | 'application/json';
}

/** One change as both feed formats show it: plain text throughout, escaped by each format's writer. */
export interface FeedItem {
  readonly id: string;
  readonly kind: FeedItemKind;
  readonly kindLabel: string;
  readonly title: string;
  /** When the change was recorded: it never changes, as the item never does. */
  readonly updated: string;
  /** When the newsroom published it (editorial time). */
  readonly published: string;
  /** The reason of an amendment, the public note of a retraction or correction, a revision's change note. */
  readonly note?: string;
  /** The item's text, a paragraph each; the first says what changed. */
  readonly paragraphs: readonly string[];
  readonly link: FeedLink;
  /** The fact's state and full history (JSON), for a fact's change. */
  readonly related?: FeedLink;
  /** What changed: a diplomatic event at a version, or a story at a revision. */
  readonly subject: { readonly type: 'diplomatic-event' | 'story'; readonly id: string; readonly version: number };
  /** The change's log position. */
  readonly position: number;
}

export function feedItem(c: FeedChange): FeedItem {
  return c.kind === 'fact' ? factItem(c) : revisionItem(c);
}

function factItem(c: FactFeedChange): FeedItem {
  const kind: FeedItemKind = c.change === 'recorded' ? 'new-fact' : c.change === 'amended' ? 'amendment' : 'retraction';
  const f = c.fact;
  const paragraphs =
    kind === 'retraction'
      ? [`This fact has been retracted.${c.reason ? ` Note: ${c.reason}` : ''}`, `It was dated ${factDateWords(f.when)}.`, ...factText(f)]
      : kind === 'amendment'
        ? [
            `Amended${c.reason ? `: ${c.reason}` : ''}.`,
            ...(c.changedFields.length > 0 ? [`Changed: ${c.changedFields.map(fieldWords).join(', ')}.`] : []),
            factLine(f),
            ...factText(f),
          ]
        : [factLine(f), ...factText(f)];
  const related: FeedLink = { path: `/diplomatic-events/${c.eventId}`, type: 'application/json' };
  return {
    id: feedUrn(FEED_NAMES.factChange(c.eventId, c.version)),
    kind,
    kindLabel: KIND_LABELS[kind],
    title: `${KIND_LABELS[kind]}: ${f.title}`,
    updated: c.recordedAt,
    published: c.publishedAt,
    ...(c.reason ? { note: c.reason } : {}),
    paragraphs,
    // A retracted fact is on no page of the timeline any more: its history says what it was and why it went.
    link: kind === 'retraction' ? related : { path: `/${queryString({ from: f.date, to: f.date })}#${entryDomId(f)}`, type: 'text/html' },
    related,
    subject: { type: 'diplomatic-event', id: c.eventId, version: c.version },
    position: c.position,
  };
}

function revisionItem(c: RevisionFeedChange): FeedItem {
  const r = c.revision;
  const kind: FeedItemKind = r.kind === 'created' ? 'new-story' : r.kind === 'update' ? 'story-update' : 'correction';
  const first =
    kind === 'new-story'
      ? 'A new story.'
      : kind === 'correction'
        ? `Correction (revision ${r.revision}): ${r.changeNote ?? 'no note given'}`
        : `Update (revision ${r.revision}): ${r.changeNote ?? 'no note given'}`;
  return {
    id: feedUrn(FEED_NAMES.storyRevision(r.id, r.revision)),
    kind,
    kindLabel: KIND_LABELS[kind],
    title: `${KIND_LABELS[kind]}: ${r.headline}`,
    updated: r.recordedAt,
    published: r.publishedAt,
    ...(r.changeNote ? { note: r.changeNote } : {}),
    paragraphs: [first],
    // A revision after the first: the story page's word diff against the one before.
    link: {
      path: `/stories/${encodeURIComponent(r.slug)}${r.revision > 1 ? queryString({ from: r.revision - 1, to: r.revision }) : ''}`,
      type: 'text/html',
    },
    subject: { type: 'story', id: r.id, version: r.revision },
    position: c.position,
  };
}

/** "Talks on 16 May 2025 (inferred), expected." */
function factLine(f: DiplomaticEventEntry): string {
  const status = statusWords(f.status);
  return `${capitalize(f.kind)} ${factDateWords(f.when)}${status ? `, ${status}` : ''}.`;
}

/** The fact's own text: summary, who took part, where, whom it rests on. */
function factText(f: DiplomaticEventEntry): string[] {
  const sources = f.sources.map((s) => [s.name, attributionWords(s)].filter(Boolean).join(', ')).filter((s) => s.length > 0);
  return [
    ...(f.summary ? [f.summary] : []),
    ...(f.participants.length > 0 ? [`Participants: ${f.participants.map((p) => p.name).join(', ')}.`] : []),
    ...(f.location ? [`Place: ${f.location.country ? `${f.location.name}, ${f.location.country}` : f.location.name}.`] : []),
    ...(sources.length > 0 ? [`Sources: ${sources.join('; ')}.`] : []),
  ];
}

/** A field's name as a reader says it. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  when: 'date',
  about: 'dates it names',
  storyIds: 'stories',
  cameoCode: 'CAMEO code',
  publishedAt: 'publication time',
};

function fieldWords(field: string): string {
  return FIELD_WORDS[field] ?? field;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
