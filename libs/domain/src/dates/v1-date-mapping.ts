import { AttributedSource } from './attribution';
import { DateKnowledgeV2 } from './date-knowledge-v2';
import { FactDate } from './fact-date';
import { DEFAULT_FACT_STATUS } from './fact-status';

/**
 * The v1 fields (schemaVersion 1 of DiplomaticEventRecorded) this mapping reads, spelled out
 * here so that the mapping keeps its input fixed while the catalogue's own types move on.
 */
export interface DateFieldsV1 {
  readonly occurredOn: string;
  readonly occurredUntil?: string;
  readonly occurredAt?: string;
  readonly timezone?: string;
  readonly datePrecision: 'day' | 'span';
  readonly dateCertainty: 'explicit' | 'inferred';
  readonly dateText?: string;
  readonly sources: readonly SourceV1[];
}

export interface SourceV1 {
  readonly name: string;
  readonly url?: string;
  readonly hedged: boolean;
  readonly note?: string;
}

/**
 * A v1 event's date knowledge in v2 terms, for the catalogue's upcaster: nothing it said is
 * lost and nothing is added that it did not say (docs/adr/0013-date-knowledge-v2.md).
 * - A v1 `span` meant "some day between occurredOn and occurredUntil" (the sample used it for
 *   undated facts), so it becomes a bounded date with both bounds, never a period. A span of
 *   one day is that day.
 * - v1 knew no status, relations or about dates: happened, none, none.
 */
export function dateKnowledgeFromV1(v1: DateFieldsV1): DateKnowledgeV2 {
  return { when: factDateFromV1(v1), status: DEFAULT_FACT_STATUS, relations: [], about: [], sources: v1.sources.map(sourceFromV1) };
}

export function factDateFromV1(v1: Omit<DateFieldsV1, 'sources'>): FactDate {
  const common = {
    certainty: v1.dateCertainty,
    ...(v1.dateText !== undefined ? { wording: v1.dateText } : {}),
    ...(v1.timezone !== undefined ? { timezone: v1.timezone } : {}),
  };
  if (v1.datePrecision === 'span' && v1.occurredUntil !== undefined && v1.occurredUntil !== v1.occurredOn)
    return { precision: 'bounded', onOrAfter: v1.occurredOn, onOrBefore: v1.occurredUntil, ...common };
  return { precision: 'day', on: v1.occurredOn, ...(v1.occurredAt !== undefined ? { at: v1.occurredAt } : {}), ...common };
}

/**
 * `hedged: false` said the source reports the fact as such: a named source. `hedged: true`
 * said only that the report hedges ("reportedly" or "citing a source" alike), so it becomes
 * `reportedly`, the level that claims the least; the v1 name stays as who reported it.
 */
export function sourceFromV1(s: SourceV1): AttributedSource {
  return {
    attribution: s.hedged ? 'reportedly' : 'named-source',
    name: s.name,
    ...(s.url !== undefined ? { url: s.url } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
  };
}
