import type { FactDate, FactRelationKind } from '@dateline/domain';

/**
 * What the text around a fact lets us say about when: the day the story was published and, once
 * known, the day of the story's main event (the talks the story is about), so that "earlier in
 * the day" or "before the negotiations" can be read against it.
 */
export interface DateContext {
  /** The publication day in the newsroom's zone. */
  readonly today: string;
  readonly zone: string;
  /** The instant of publication, for chrono-node. */
  readonly publishedAt: string;
  /** The day of the story's main event, when the story dates it. */
  readonly mainEventDay?: string;
  /** The clause speaks of what is to come (expected): a bare weekday or month is the next one, not the last. */
  readonly future?: boolean;
}

/** Whom a found relation points at: the story's main event, or the background fact the same phrase names. */
export type RelationTarget = 'main-event' | 'background';

/** One date phrase of a clause, read by one rule. Offsets are in the revision's text. */
export interface DateFinding {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
  /** The text's own words, kept as the date's wording. */
  readonly wording: string;
  /** When the fact itself happened, as far as this phrase says. */
  readonly when?: FactDate;
  /** A date the fact is about, not when it happened ("a ceasefire from 12 May"). */
  readonly about?: FactDate;
  /** An earlier fact the phrase names by its date ("since 2022": talks in 2022). */
  readonly background?: FactDate;
  /** An order the phrase gives: this fact is <relation> the target. */
  readonly relation?: { readonly relation: FactRelationKind; readonly to: RelationTarget };
  /** Only an upper bound at most: "by the end of the month". */
  readonly deadline?: boolean;
  /** "after two days of talks": a background fact that ran this many days, up to the day of the fact that names it. */
  readonly backgroundDays?: number;
  /** "initially" / "at first" … "later": orders the fact against its neighbours in the story. */
  readonly sequence?: 'first' | 'later';
}
