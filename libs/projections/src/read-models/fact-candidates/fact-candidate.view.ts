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

/**
 * A stored candidate as the API answers it. jsonb keeps keys in its own order (shortest first):
 * the evidence, the flags and the proposal get the finder's order back, so that answers read as
 * the docs show them.
 */
export function toCandidateView(
  revision: number,
  c: Candidate,
  r: { [K in keyof JoinedReview]: JoinedReview[K] | null },
): FactCandidateView {
  const e = c.evidence;
  const { title, kind, when, status, relations, about, participants, sources, quotes, cameoCode } = c.proposed;
  return {
    id: c.id,
    revision,
    evidence: { revision: e.revision, paragraph: e.paragraph, start: e.start, end: e.end, text: e.text, sentence: e.sentence },
    proposed: {
      title,
      kind,
      when,
      status,
      relations,
      about,
      participants,
      sources,
      quotes,
      ...(cameoCode !== undefined ? { cameoCode } : {}),
    },
    confidence: c.confidence,
    flags: c.flags.map((f) =>
      f.flag === 'retracts' ? { flag: f.flag, fact: f.fact, removedSentence: f.removedSentence } : { flag: f.flag, fact: f.fact },
    ),
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
