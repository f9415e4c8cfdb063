import type { AboutDate, AttributedSource, EventKind, FactDate, FactRelation, Participant, Quote } from '@dateline/domain';
import { FactReading } from './reading/fact-reading';
import { DateFinding } from './rules/dates/date-finding';
import { PlacedSentence } from './text/revision-changes';

/** One fact the finder proposes, before flags: what a reading (or a background phrase) becomes. */
export interface Draft {
  readonly id: string;
  readonly reading: number;
  readonly background?: DateFinding;
  readonly paragraph: number;
  readonly sentence: PlacedSentence;
  readonly start: number;
  readonly end: number;
  readonly title: string;
  readonly kind: EventKind;
  readonly cameo?: string;
  readonly status: FactReading['status'];
  readonly when: FactDate;
  readonly about: AboutDate[];
  readonly participants: Participant[];
  readonly sources: readonly AttributedSource[];
  readonly quotes: Quote[];
  readonly dated: boolean;
  readonly knownVerb: boolean;
  /** Relations as found: to the main event, a background draft, another reading; resolved to ids by relations.ts. */
  readonly found: {
    readonly relation: FactRelation['relation'];
    readonly to: 'main-event' | { readonly reading: number } | { readonly draft: string };
  }[];
  readonly sequence?: 'first' | 'later';
  /** It answers an earlier proposal or claim (relations.ts finds which). */
  readonly answers?: 'proposal' | 'claim';
}
