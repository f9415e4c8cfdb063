/**
 * Whether the fact took place. A report of a plan is not a report of the event: "are expected to
 * deliver a welcoming speech" is `expected`. A stated refusal ("Rubio said he would not meet
 * them") is a fact of its own, a statement that happened, not a meeting that did not.
 */
export const FACT_STATUSES = ['happened', 'expected', 'cancelled', 'postponed', 'did-not-happen'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** What a fact is when the editor does not say. */
export const DEFAULT_FACT_STATUS: FactStatus = 'happened';
