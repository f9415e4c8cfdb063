import type { Candidate, CandidateFlag, Evidence, ProposedFact } from '@dateline/fact-finder';
import { ReviewRow } from './fact-candidates.table';

/** What became of a candidate, as the API answers it. */
export type CandidateReviewView =
  | { readonly state: 'open' }
  | { readonly state: 'accepted'; readonly factId: string; readonly editor?: string; readonly recordedAt: string }
  | { readonly state: 'dismissed'; readonly reason: string; readonly editor?: string; readonly recordedAt: string };

/** A fact candidate as GET /stories/:id/fact-candidates answers it. */
export interface FactCandidateView {
  readonly id: string;
  readonly revision: number;
  readonly evidence: Evidence;
  readonly proposed: ProposedFact;
  readonly confidence: number;
  readonly flags: readonly CandidateFlag[];
  readonly review: CandidateReviewView;
}

/** The review columns a candidate's read joins in (null when nobody reviewed it yet, or not by the read's position). */
export type JoinedReview = Pick<ReviewRow, 'state' | 'fact_id' | 'reason' | 'editor'> & { reviewed_at: string | Date | null };

export function toCandidateView(
  revision: number,
  c: Candidate,
  r: { [K in keyof JoinedReview]: JoinedReview[K] | null },
): FactCandidateView {
  return {
    id: c.id,
    revision,
    evidence: c.evidence,
    proposed: c.proposed,
    confidence: c.confidence,
    flags: c.flags,
    review: reviewView(r),
  };
}

function reviewView(r: { [K in keyof JoinedReview]: JoinedReview[K] | null }): CandidateReviewView {
  if (r.state === null || r.reviewed_at === null) return { state: 'open' };
  const by = { ...(r.editor !== null ? { editor: r.editor } : {}), recordedAt: new Date(r.reviewed_at).toISOString() };
  return r.state === 'accepted'
    ? { state: 'accepted', factId: r.fact_id ?? '', ...by }
    : { state: 'dismissed', reason: r.reason ?? '', ...by };
}
