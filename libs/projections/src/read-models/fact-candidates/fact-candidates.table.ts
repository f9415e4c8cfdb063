import type { DiplomaticEventFields } from '@dateline/domain';
import type { Candidate } from '@dateline/fact-finder';
import { declareTable } from '../../tables/table-declaration';

/** The read model's name: its projection's, its checkpoint's and its position's. */
export const FACT_CANDIDATES_READ_MODEL = 'fact-candidates';

/**
 * A row of fact_candidate_texts: the body each revision of a story had, and its editorial time.
 * The next revision's candidates come from what it changed since (previousText): the read model
 * keeps its own copy, so that it is rebuilt alone, from the log only.
 */
export interface CandidateTextRow {
  story_id: string;
  revision: number;
  body: string;
  /** Editorial time: relative dates ("on Friday") are read from it; the reader page's "From the story of …" shows its day. */
  published_at: string | Date;
  position: number;
}

export const FACT_CANDIDATE_TEXTS = declareTable<CandidateTextRow>()({
  name: 'fact_candidate_texts',
  columns: {
    story_id: { type: 'uuid' },
    revision: { type: 'integer' },
    body: { type: 'text' },
    published_at: { type: 'timestamptz' },
    position: { type: 'bigint' },
  },
  primaryKey: ['story_id', 'revision'],
  indexes: [],
});

/** A row of fact_candidates: one candidate the fact finder proposed from one revision, as it proposed it. */
export interface CandidateRow {
  story_id: string;
  revision: number;
  /** Its place among the revision's candidates: the order of the text. */
  ordinal: number;
  candidate_id: string;
  /** The Candidate of libs/fact-finder/src/candidate.ts: evidence, proposed fields, confidence, flags. */
  candidate: Candidate;
  position: number;
}

export const FACT_CANDIDATES = declareTable<CandidateRow>()({
  name: 'fact_candidates',
  columns: {
    story_id: { type: 'uuid' },
    revision: { type: 'integer' },
    ordinal: { type: 'integer' },
    candidate_id: { type: 'text', collate: 'C' },
    candidate: { type: 'jsonb' },
    position: { type: 'bigint' },
  },
  primaryKey: ['story_id', 'revision', 'ordinal'],
  indexes: [
    // A review names the candidate by id (the desk and the acceptance route look it up).
    { on: ['story_id', 'candidate_id'] },
  ],
});

/** A row of fact_candidate_reviews: what an editor decided about a candidate (once per candidate id and story). */
export interface ReviewRow {
  story_id: string;
  candidate_id: string;
  revision: number;
  state: 'accepted' | 'dismissed';
  fact_id: string | null;
  reason: string | null;
  /** The fields as accepted (with the editor's edits): what later revisions' duplicates and amendments compare with. */
  fields: DiplomaticEventFields | null;
  /** The evidence of the accepted candidate: where a later revision finds the sentence the fact rests on. */
  evidence: { revision: number; start: number; end: number; text: string } | null;
  editor: string | null;
  recorded_at: string | Date;
  position: number;
}

export const FACT_CANDIDATE_REVIEWS = declareTable<ReviewRow>()({
  name: 'fact_candidate_reviews',
  columns: {
    story_id: { type: 'uuid' },
    candidate_id: { type: 'text', collate: 'C' },
    revision: { type: 'integer' },
    state: { type: 'text' },
    fact_id: { type: 'uuid', nullable: true },
    reason: { type: 'text', nullable: true },
    fields: { type: 'jsonb', nullable: true },
    evidence: { type: 'jsonb', nullable: true },
    editor: { type: 'text', nullable: true },
    recorded_at: { type: 'timestamptz' },
    position: { type: 'bigint' },
  },
  primaryKey: ['story_id', 'candidate_id'],
  indexes: [],
});
