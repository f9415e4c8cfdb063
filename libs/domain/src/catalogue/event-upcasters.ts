import type { DatelineEventType } from './dateline-event';
import { amendedV1ToV2, recordedV1ToV2 } from './diplomatic-event-upcasters';

/** Turns one version of an event type's data into the next version's. */
export type UpcastStep = (data: unknown) => unknown;

/**
 * One event type's upcasters, by stored version: `table[v]` brings data stored at version v to
 * version v + 1, and the entry of the current version is `CURRENT` (nothing left to do). The
 * versions of a type are 1 … n, n is its current version (a unit test keeps the tables so).
 */
export type UpcastTable = { readonly [version: number]: UpcastStep };

/** The entry of a type's current version: its data needs no change. */
export const CURRENT: UpcastStep = (data) => data;

/**
 * Every event type's upcasters, keyed by type: a type without a table does not compile. When a
 * shape changes, its table grows a step: the diplomatic events' date knowledge became v2 in
 * issue 16 (`{ 1: v1ToV2, 2: CURRENT }`), so the catalogue says version 2 for them and `upcast`
 * runs the step for everything stored at version 1.
 */
export const EVENT_UPCASTERS: { readonly [T in DatelineEventType]: UpcastTable } = {
  StoryCreated: { 1: CURRENT },
  StoryRevised: { 1: CURRENT },
  DiplomaticEventRecorded: { 1: recordedV1ToV2, 2: CURRENT },
  DiplomaticEventAmended: { 1: amendedV1ToV2, 2: CURRENT },
  DiplomaticEventRetracted: { 1: CURRENT },
  FactCandidateAccepted: { 1: CURRENT },
  FactCandidateDismissed: { 1: CURRENT },
};

/** The current version of a type's data: the number of versions in its table. */
export const currentVersion = (type: DatelineEventType): number => Object.keys(EVENT_UPCASTERS[type]).length;

/** Runs a table's steps on data stored at version `from`, up to the table's current version. */
export function runUpcasters(table: UpcastTable, from: number, data: unknown): unknown {
  const current = Object.keys(table).length;
  let result = data;
  for (let version = from; version < current; version++) result = table[version](result);
  return result;
}
