import { DiplomaticEventEntry, factKnowledge, Participant, Placement, Quote, TimelineEntry } from '@dateline/domain';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { aboutDateWords, FactWords, factWords, statusLabel } from './fact-words';
import { provenanceHref, provenanceWords, RevisionTimes } from './provenance-words';
import { StoryLink, storyLinks, StoryNames } from './story-links';

/** One fact (or a date a fact is about) as the reader page shows it: strings ready for the template. */
export interface EntryView {
  /** The element id: stable per entry, so a live update replaces the entry it changes. */
  readonly domId: string;
  /** Orders the entry among its heading's entries when the live stream places it. */
  readonly sortKey: string;
  readonly date: string;
  /** `fact`: the fact itself; `about`: a date it names, on that date's page, linked to the fact. */
  readonly role: Placement['role'];
  /** Machine kind: `talks`, `meeting`, …; `about` for a named date. */
  readonly kind: string;
  readonly kindLabel: string;
  readonly headline: string;
  readonly words: FactWords;
  /** "Expected", "Cancelled": shown as a labelled badge, never by colour alone. */
  readonly statusLabel?: string;
  readonly summary?: string;
  readonly place?: string;
  readonly participants: readonly { name: string; detail?: string }[];
  readonly quotes: readonly Quote[];
  /**
   * When the newsroom reported this version (editorial time, not when Dateline stored it: an
   * archive story brought in today keeps its own days): "Reported 16 May 2025, 09:12 UTC", or
   * "Amended (version 2) 16 May 2025, 11:00 UTC".
   */
  readonly reported: string;
  /** Every story the fact belongs to (not only the first). */
  readonly stories: readonly StoryLink[];
  /** A fact accepted from a fact candidate: "From the story of 16 May 2025, paragraph 4", linked to the story. */
  readonly provenance?: { readonly words: string; readonly href: string };
  /** For an about entry: the fact that names the date. */
  readonly namedBy?: { readonly title: string; readonly href: string };
  /** The language the fact is written in (BCP 47), when the newsroom said: marked with `lang` where it differs from the page's. */
  readonly language?: string;
}

export function entryDomId(entry: { type: TimelineEntry['type']; id: string; revision?: number }): string {
  return entry.type === 'story-revision' ? `story-${entry.id}-r${entry.revision}` : `event-${entry.id}`;
}

/**
 * A fact entry. `titles` names the facts its relations point at; `sortKey` defaults to one that
 * puts a live entry after those the server ordered, until the next load orders it among them.
 * `date`: the day a page shows it on, when the page places it by its date knowledge rather than
 * on the day the read model filed it (given here, as copying the view to change it cost a page
 * about a microsecond an entry on Node 20).
 */
export function toEntryView(
  e: DiplomaticEventEntry,
  titles: ReadonlyMap<string, string> = new Map(),
  sortKey?: string,
  revisionTimes: RevisionTimes = new Map(),
  storyNames?: StoryNames,
  m: Messages = messagesFor(),
  date: string = e.date,
): EntryView {
  const words = factWords(e, titles);
  const provenance = provenanceWords(e.provenance, revisionTimes, m);
  const at = m.dates.instantUtc(e.publishedAt);
  const reported = e.version > 1 ? m.entry.amended(e.version, at) : m.entry.reported(at);
  return {
    domId: entryDomId(e),
    sortKey: sortKey ?? `~${e.firstRecordedAt}|${e.id}`,
    date,
    role: 'fact',
    kind: e.kind,
    kindLabel: m.entry.kind(e.kind),
    headline: e.title,
    words,
    ...(words.statusWords ? { statusLabel: statusLabel(words.statusWords) } : {}),
    ...(e.summary ? { summary: e.summary } : {}),
    ...(e.location ? { place: e.location.country ? `${e.location.name}, ${e.location.country}` : e.location.name } : {}),
    participants: e.participants.map((p) => ({ name: p.name, ...(participantDetail(p) ? { detail: participantDetail(p) } : {}) })),
    quotes: e.quotes,
    reported,
    stories: storyLinks(e.storyIds, storyNames, m),
    ...(provenance && e.provenance ? { provenance: { words: provenance, href: provenanceHref(e.provenance) } } : {}),
    ...(e.language ? { language: e.language } : {}),
  };
}

/** A date the fact is about, on that date's page: "Proposed start of the unconditional ceasefire", linked to its fact. */
export function toAboutView(
  e: DiplomaticEventEntry,
  p: Placement,
  factHref: string,
  sortKey: string,
  storyNames?: StoryNames,
  m: Messages = messagesFor(),
): EntryView {
  const fact = toEntryView(e, new Map(), undefined, new Map(), storyNames, m);
  const about = p.about!;
  const date = factKnowledge(e).about[about.index].date;
  return {
    domId: `event-${e.id}-about-${about.index}`,
    sortKey,
    date: p.day,
    role: 'about',
    kind: 'about',
    kindLabel: m.entry.dateNamed,
    headline: capitalize(about.label),
    words: aboutDateWords(date),
    participants: [],
    quotes: [],
    reported: fact.reported,
    stories: fact.stories,
    namedBy: { title: e.title, href: factHref },
    ...(e.language ? { language: e.language } : {}),
  };
}

function participantDetail(p: Participant): string | undefined {
  const parts = [p.role, p.country].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
