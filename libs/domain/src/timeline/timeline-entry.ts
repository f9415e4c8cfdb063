import { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';
import { lookupCameo } from '../cameo/cameo';
import { DateKnowledgeV2 } from '../dates/date-knowledge-v2';
import { FactDate } from '../dates/fact-date';
import { factKnowledge } from '../dates/fact-knowledge';
import { Heading, placement } from '../dates/placement';
import { datingOf, RangeDating } from '../dates/range-query';
import { RevisionKind } from '../story/story.events';
import { CalendarDate } from '../values/calendar-date';
import { Instant } from '../values/instant';
import { FactProvenance } from '../fact-review/fact-provenance';

/**
 * Where an entry sits (docs/dates.md): the day whose page shows it, the heading it is filed
 * under there, the key that orders headings across days, and how its date is known.
 */
export interface EntryPlace {
  /** The day whose page shows it: the placement's day, never the first day of a window the text does not give. */
  readonly date: CalendarDate;
  readonly heading: Heading;
  /** Orders entries across days and headings; equal for entries under one heading of one day. */
  readonly sortKey: string;
  /** How the date is known: a range read may return facts that only can fall in the range. */
  readonly dating: RangeDating;
}

/** When a version of a fact became known: recorded (system time) and published (editorial time). */
export interface EntryTimes {
  /** When this version was recorded. */
  readonly recordedAt: string;
  readonly firstRecordedAt: string;
  /** When the newsroom published this version (editorial time); its recordedAt when it says none. */
  readonly publishedAt: string;
}

/** A diplomatic event as the timeline shows it, in one version, where it happened. */
export interface DiplomaticEventEntry extends DiplomaticEventFields, EntryPlace, EntryTimes {
  readonly type: 'diplomatic-event';
  readonly id: string;
  readonly version: number;
  readonly cameo?: { readonly name: string; readonly plover: string | null };
  /** Where the fact came from, when it was accepted from a fact candidate of a story revision. */
  readonly provenance?: FactProvenance;
}

/**
 * A date a fact is about ("unconditional ceasefire proposed to start on 12 May"), as its own
 * entry on that date's page, linked to the fact that names it.
 */
export interface AboutDateEntry extends EntryPlace, EntryTimes {
  readonly type: 'about-date';
  /** `<fact id>/about/<index>`: unique, and stable while the fact keeps its about list. */
  readonly id: string;
  /** The fact that names the date, and its version. */
  readonly fact: string;
  readonly version: number;
  readonly factTitle: string;
  readonly label: string;
  /** The instant, when the date is a day with a known time. */
  readonly at?: Instant;
  readonly storyIds: readonly string[];
}

/** A story revision as the timeline shows it: on the day it was published, in the reader's zone. */
export interface StoryRevisionEntry {
  readonly type: 'story-revision';
  readonly id: string;
  readonly slug: string;
  readonly revision: number;
  readonly date: CalendarDate;
  readonly recordedAt: string;
  /** When the newsroom published this revision (editorial time); its recordedAt when it says none. */
  readonly publishedAt: string;
  readonly headline: string;
  readonly kind: RevisionKind | 'created';
  readonly changeNote?: string;
  readonly editor?: string;
}

export type TimelineEntry = DiplomaticEventEntry | AboutDateEntry | StoryRevisionEntry;

/** One version of a fact, as the read side knows it. */
export interface FactVersion {
  readonly id: string;
  readonly version: number;
  readonly fields: DiplomaticEventFields;
  readonly times: EntryTimes;
}

/**
 * The entries a version of a fact makes: the fact on the day it happened, then one per date it
 * is about. Its date knowledge comes from `factKnowledge`, whatever shape the stored fields have.
 */
export function diplomaticEventEntries(v: FactVersion): [DiplomaticEventEntry, ...AboutDateEntry[]] {
  return entriesOf(v, factKnowledge(v.fields));
}

/** As diplomaticEventEntries, for date knowledge given apart from the fields. */
export function entriesOf(v: FactVersion, knowledge: DateKnowledgeV2): [DiplomaticEventEntry, ...AboutDateEntry[]] {
  const [own, ...about] = placement({ id: v.id, when: knowledge.when, about: knowledge.about });
  const cameo = v.fields.cameoCode ? lookupCameo(v.fields.cameoCode) : undefined;
  const fact: DiplomaticEventEntry = {
    type: 'diplomatic-event',
    id: v.id,
    version: v.version,
    ...v.fields,
    // After the fields: this version's times, whatever the fields carry of their own.
    ...v.times,
    date: own.day,
    heading: own.heading,
    sortKey: own.sortKey,
    dating: datingOf(knowledge.when),
    ...(cameo ? { cameo: { name: cameo.name, plover: cameo.plover } } : {}),
  };
  return [
    fact,
    ...about.map((p, i): AboutDateEntry => {
      const d = knowledge.about[i].date;
      return {
        type: 'about-date',
        id: p.key,
        fact: v.id,
        version: v.version,
        factTitle: v.fields.title,
        label: knowledge.about[i].label,
        date: p.day,
        heading: p.heading,
        sortKey: p.sortKey,
        dating: datingOf(d),
        ...(d.precision === 'day' && d.at !== undefined ? { at: d.at } : {}),
        storyIds: v.fields.storyIds,
        ...v.times,
      };
    }),
  ];
}

/** The dates of the entries entriesOf makes, in the same order: what a range read matches them by (possibleDays). */
export function entryDates(knowledge: DateKnowledgeV2): FactDate[] {
  return [knowledge.when, ...knowledge.about.map((a) => a.date)];
}

/** What a timeline read may be narrowed to. */
export interface TimelineFilter {
  /** A participant name (case-insensitive, whole name) or a country code. */
  readonly participant?: string;
  readonly kind?: string;
  readonly storyId?: string;
}
