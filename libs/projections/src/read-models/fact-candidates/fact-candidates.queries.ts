import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import type { Candidate } from '@dateline/fact-finder';
import { namedQuery } from '../../tables/named-statements';
import { FactCandidateView, JoinedReview, toCandidateView } from './fact-candidate.view';
import { FACT_CANDIDATE_REVIEWS, FACT_CANDIDATE_TEXTS, FACT_CANDIDATES, FACT_CANDIDATES_READ_MODEL } from './fact-candidates.table';

const C = FACT_CANDIDATES.name;
const R = FACT_CANDIDATE_REVIEWS.name;
const T = FACT_CANDIDATE_TEXTS.name;

type Joined = { revision: number; ordinal: number; candidate: Candidate } & { [K in keyof JoinedReview]: JoinedReview[K] | null };

/** The review of each candidate as written by position `$2`: a review recorded later is not there yet. */
const JOIN_REVIEW = `LEFT JOIN ${R} r ON r.story_id = c.story_id AND r.candidate_id = c.candidate_id AND r.position <= $2`;
const COLUMNS = 'c.revision, c.ordinal, c.candidate, r.state, r.fact_id, r.reason, r.editor, r.recorded_at AS reviewed_at';

/** Questions answered from the fact-candidates read model alone. */
@Injectable()
export class FactCandidatesQueries {
  /** The read models these answers come from: what a `minPosition` read of them waits for. */
  readonly readModels = [FACT_CANDIDATES_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  /**
   * A page of a story's candidates, in the order of its revisions and, within one, of the text,
   * as written by position `at`: of one revision when given, after the key `after`
   * (`[revision, ordinal]`), at most `limit` and one more, each with its `key`.
   */
  async page(
    storyId: string,
    q: { revision?: number },
    page: { at: number; after?: readonly [number, number]; limit: number },
  ): Promise<{ key: [number, number]; candidate: FactCandidateView }[]> {
    const params: unknown[] = [storyId, page.at];
    const where = ['c.story_id = $1', 'c.position <= $2'];
    if (q.revision !== undefined) where.push(`c.revision = $${params.push(q.revision)}`);
    if (page.after) where.push(`(c.revision, c.ordinal) > ($${params.push(page.after[0])}::int, $${params.push(page.after[1])}::int)`);
    const { rows } = await namedQuery<Joined>(
      this.sql,
      `SELECT ${COLUMNS} FROM ${C} c ${JOIN_REVIEW} WHERE ${where.join(' AND ')} ORDER BY c.revision, c.ordinal LIMIT $${params.push(page.limit + 1)}`,
      params,
    );
    return rows.map((r) => ({ key: [r.revision, r.ordinal], candidate: toCandidateView(r.revision, r.candidate, r) }));
  }

  /** A candidate of a story now: in `revision` when given, else in the latest revision that proposed it; undefined for none. */
  async candidate(storyId: string, candidateId: string, revision?: number): Promise<FactCandidateView | undefined> {
    const { rows } = await namedQuery<Joined>(
      this.sql,
      `SELECT ${COLUMNS} FROM ${C} c ${JOIN_REVIEW}
        WHERE c.story_id = $1 AND c.candidate_id = $3 AND ($4::int IS NULL OR c.revision = $4::int)
        ORDER BY c.revision DESC LIMIT 1`,
      [storyId, Number.MAX_SAFE_INTEGER, candidateId, revision ?? null],
    );
    return rows[0] && toCandidateView(rows[0].revision, rows[0].candidate, rows[0]);
  }

  /** The revisions the read model holds of a story, as written by position `at`, oldest first: empty for a story it does not know. */
  async revisions(storyId: string, at = Number.MAX_SAFE_INTEGER): Promise<{ revision: number; publishedAt: string }[]> {
    const { rows } = await namedQuery<{ revision: number; published_at: string | Date }>(
      this.sql,
      `SELECT revision, published_at FROM ${T} WHERE story_id = $1 AND position <= $2 ORDER BY revision`,
      [storyId, at],
    );
    return rows.map((r) => ({ revision: r.revision, publishedAt: new Date(r.published_at).toISOString() }));
  }
}
