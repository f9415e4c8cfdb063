import {
  describeWhen,
  DiplomaticEventEntry,
  entrySortKey,
  formatInstantUtc,
  Participant,
  Quote,
  StoryRevisionEntry,
  TimelineEntry,
} from '@dateline/domain';
import { safeHttpUrl } from '../html';

/** One timeline entry as the reader page shows it: strings ready for the template, nothing to compute there. */
export interface EntryView {
  /** The element id: stable per entry, so a live update replaces the entry it changes. */
  readonly domId: string;
  readonly sortKey: string;
  readonly date: string;
  readonly type: TimelineEntry['type'];
  /** Machine kind: `talks`, …, or for story revisions `created`, `update`, `correction`. */
  readonly kind: string;
  readonly kindLabel: string;
  readonly headline: string;
  readonly when: {
    readonly text: string;
    /** For `<time datetime>`: a date, or an instant when the time is known. */
    readonly datetime: string;
    readonly approximate: boolean;
    readonly inferred: boolean;
    /** The report's own words for when. */
    readonly dateText?: string;
  };
  readonly summary?: string;
  readonly place?: string;
  readonly participants: readonly { name: string; detail?: string }[];
  readonly sources: readonly { name: string; url?: string; hedged: boolean; note?: string }[];
  readonly quotes: readonly Quote[];
  /** "Recorded 16 May 2025, 09:12 UTC; amended (version 2) 16 May 2025, 11:00 UTC". */
  readonly recorded: string;
  readonly storyHref?: string;
  readonly changeNote?: string;
}

const KIND_LABELS: Record<string, string> = {
  created: 'Story published',
  update: 'Story update',
  correction: 'Correction',
};

export function entryDomId(entry: { type: TimelineEntry['type']; id: string; revision?: number }): string {
  return entry.type === 'story-revision' ? `story-${entry.id}-r${entry.revision}` : `event-${entry.id}`;
}

export function toEntryView(entry: Exclude<TimelineEntry, { type: 'about-date' }>): EntryView {
  return entry.type === 'story-revision' ? revisionView(entry) : eventView(entry);
}

function eventView(e: DiplomaticEventEntry): EntryView {
  const when = describeWhen(e);
  const recorded = `Recorded ${formatInstantUtc(e.firstRecordedAt)}${e.version > 1 ? `; amended (version ${e.version}) ${formatInstantUtc(e.recordedAt)}` : ''}`;
  return {
    domId: entryDomId(e),
    sortKey: entrySortKey(e),
    date: e.date,
    type: e.type,
    kind: e.kind,
    kindLabel: capitalize(e.kind),
    headline: e.title,
    when: {
      text: when.text,
      datetime: e.occurredAt && e.datePrecision === 'day' ? e.occurredAt : e.occurredOn,
      approximate: when.approximate,
      inferred: when.inferred,
      ...(e.dateText ? { dateText: e.dateText } : {}),
    },
    ...(e.summary ? { summary: e.summary } : {}),
    ...(e.location ? { place: e.location.country ? `${e.location.name}, ${e.location.country}` : e.location.name } : {}),
    participants: e.participants.map((p) => ({ name: p.name, ...(participantDetail(p) ? { detail: participantDetail(p) } : {}) })),
    sources: e.sources.map((s) => ({
      name: s.name,
      hedged: s.hedged,
      ...(safeHttpUrl(s.url) ? { url: safeHttpUrl(s.url) } : {}),
      ...(s.note ? { note: s.note } : {}),
    })),
    quotes: e.quotes,
    recorded,
    ...(e.storyIds.length > 0 ? { storyHref: `/stories/${e.storyIds[0]}` } : {}),
  };
}

function revisionView(r: StoryRevisionEntry): EntryView {
  return {
    domId: entryDomId(r),
    sortKey: entrySortKey(r),
    date: r.date,
    type: r.type,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind] ?? capitalize(r.kind),
    headline: r.headline,
    when: {
      text: `revision ${r.revision}, ${new Date(r.recordedAt).toISOString().slice(11, 16)} UTC`,
      datetime: r.recordedAt,
      approximate: false,
      inferred: false,
    },
    participants: [],
    sources: [],
    quotes: [],
    recorded: `Recorded ${formatInstantUtc(r.recordedAt)}${r.editor ? ` by ${r.editor}` : ''}`,
    storyHref: `/stories/${r.id}`,
    ...(r.changeNote ? { changeNote: r.changeNote } : {}),
  };
}

function participantDetail(p: Participant): string | undefined {
  const parts = [p.role, p.country].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
