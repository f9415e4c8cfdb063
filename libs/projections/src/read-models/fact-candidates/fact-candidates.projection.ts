import { editorialTime, eventRoutes, FactCandidateAccepted, FactCandidateDismissed, StoryCreated, StoryRevised } from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { AcceptedFact, Candidate, findCandidates } from '@dateline/fact-finder';
import { Projection, ProjectionContext } from '../../projection';
import { insertRows } from '../../tables/insert-rows';
import { TableNames } from '../../tables/table-names';
import {
  CandidateRow,
  CandidateTextRow,
  FACT_CANDIDATE_REVIEWS,
  FACT_CANDIDATE_TEXTS,
  FACT_CANDIDATES,
  FACT_CANDIDATES_READ_MODEL,
  ReviewRow,
} from './fact-candidates.table';

/**
 * A run of this many characters without a space is no prose (a URL is a few hundred), and the
 * language model's tokenizer takes time quadratic in a token's length (a minute for one of 200,000
 * characters, which the write side accepts as a body): a revision with one, or after one, is not read.
 */
const UNREADABLE = /\S{1001}/;

/**
 * The fact candidates of every story revision (issue 18, docs/fact-finder.md), with what editors
 * decided about them. For each revision the fact finder reads what the revision added or changed
 * since the one before, at the revision's editorial time, knowing the facts already accepted
 * from the story by then (in log order, so a rebuild finds the same). It runs here, on the read
 * side, never while a revision is appended. The reviews come from the story's fact-review
 * stream; the facts they record are diplomatic events, on the timeline from their own events.
 */
export class FactCandidatesProjection implements Projection {
  readonly name = FACT_CANDIDATES_READ_MODEL;
  readonly tables = [FACT_CANDIDATE_TEXTS, FACT_CANDIDATES, FACT_CANDIDATE_REVIEWS];
  readonly routes = eventRoutes<ProjectionContext, Promise<void> | void>()({
    // The accepted fact's own events: candidates compare with the fields as accepted, which the review event holds.
    ignore: ['DiplomaticEventRecorded', 'DiplomaticEventAmended', 'DiplomaticEventRetracted'],
    handle: {
      StoryCreated: (e, c) => this.revision(e, undefined, c),
      StoryRevised: async (e, c) => this.revision(e, await this.previousText(e.data.storyId, c), c),
      FactCandidateAccepted: (e, c) => this.accepted(e, c),
      FactCandidateDismissed: (e, c) => this.dismissed(e, c),
    },
  });

  private texts: CandidateTextRow[] = [];
  private candidates: CandidateRow[] = [];
  private reviews: ReviewRow[] = [];
  /** What this batch staged, by story: the latest text, the candidates by id, the accepted facts in log order. */
  private latestText = new Map<string, CandidateTextRow>();
  private stagedCandidates = new Map<string, Map<string, Candidate>>();
  private stagedAccepted = new Map<string, AcceptedFact[]>();
  /**
   * In a rebuild only (replayingFromEmpty), shared by its instances: the stories the replay has
   * staged an accepted review of. A story not in it has no accepted fact in the replay's tables,
   * so its revisions need no query for them. The live projector leaves it undefined and asks.
   * Without this, every story revision of a rebuild waited for that query, and so for the
   * commit of the batch before (the rebuild's pipeline), which held the next batch's staging
   * back: Node sat idle half the rebuild.
   */
  private storiesWithAccepted?: Set<string>;

  replayingFromEmpty(notes: Map<string, unknown>): void {
    const key = `${this.name}:stories-with-accepted`;
    if (!notes.has(key)) notes.set(key, new Set<string>());
    this.storiesWithAccepted = notes.get(key) as Set<string>;
  }

  private async revision(e: StoryCreated | StoryRevised, previous: CandidateTextRow | undefined, c: ProjectionContext): Promise<void> {
    const storyId = e.data.storyId.toLowerCase();
    const body = e.data.body ?? previous?.body;
    if (body === undefined) throw new Error(`fact-candidates: no text of story ${storyId} before revision ${e.data.revision}`);
    const publishedAt = editorialTime(e.data, c.recordedAt);
    const text: CandidateTextRow = { story_id: storyId, revision: e.data.revision, body, published_at: publishedAt, position: c.position };
    this.texts.push(text);
    this.latestText.set(storyId, text);
    // A revision that leaves the body as it was adds no sentence, and removes none.
    if (previous !== undefined && e.data.body === undefined) return;
    if (UNREADABLE.test(body) || (previous !== undefined && UNREADABLE.test(previous.body))) return;
    const found = findCandidates({
      storyId,
      revision: e.data.revision,
      publishedAt,
      text: body,
      ...(previous ? { previousText: previous.body } : {}),
      acceptedFacts: await this.acceptedFacts(storyId, c),
    });
    const byId = this.stagedCandidates.get(storyId) ?? new Map<string, Candidate>();
    this.stagedCandidates.set(storyId, byId);
    const seen = new Set<string>();
    for (const candidate of found) {
      // The same sentence twice in one body is one candidate: its id is the sentence's.
      if (seen.has(candidate.id)) continue;
      seen.add(candidate.id);
      byId.set(`${e.data.revision}/${candidate.id}`, candidate);
      this.candidates.push({
        story_id: storyId,
        revision: e.data.revision,
        ordinal: seen.size,
        candidate_id: candidate.id,
        candidate,
        position: c.position,
      });
    }
  }

  private async accepted(e: FactCandidateAccepted, c: ProjectionContext): Promise<void> {
    const d = e.data;
    const storyId = d.storyId.toLowerCase();
    const candidate = await this.candidate(storyId, d.revision, d.candidateId, c);
    const evidence = { revision: d.revision, start: candidate.evidence.start, end: candidate.evidence.end, text: candidate.evidence.text };
    this.review(e, c, { state: 'accepted', fact_id: d.factId, reason: null, fields: { ...d.fields }, evidence });
    const accepted = this.stagedAccepted.get(storyId) ?? [];
    accepted.push(acceptedFact(d.factId, d.fields, evidence));
    this.stagedAccepted.set(storyId, accepted);
    // Noted at staging, whether or not the batch commits: a story too many only costs queries.
    this.storiesWithAccepted?.add(storyId);
  }

  private async dismissed(e: FactCandidateDismissed, c: ProjectionContext): Promise<void> {
    const d = e.data;
    // The candidate must be there, as for an acceptance: a review of nothing is the event's fault.
    await this.candidate(d.storyId.toLowerCase(), d.revision, d.candidateId, c);
    this.review(e, c, { state: 'dismissed', fact_id: null, reason: d.reason, fields: null, evidence: null });
  }

  private review(
    e: FactCandidateAccepted | FactCandidateDismissed,
    c: ProjectionContext,
    decided: Pick<ReviewRow, 'state' | 'fact_id' | 'reason' | 'fields' | 'evidence'>,
  ): void {
    this.reviews.push({
      story_id: e.data.storyId.toLowerCase(),
      candidate_id: e.data.candidateId,
      revision: e.data.revision,
      ...decided,
      editor: c.editor ?? null,
      recorded_at: c.recordedAt,
      position: c.position,
    });
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const { texts, candidates, reviews } = this;
    this.reset();
    await insertRows(tx, FACT_CANDIDATE_TEXTS, t[FACT_CANDIDATE_TEXTS.name], texts);
    await insertRows(tx, FACT_CANDIDATES, t[FACT_CANDIDATES.name], candidates);
    await insertRows(tx, FACT_CANDIDATE_REVIEWS, t[FACT_CANDIDATE_REVIEWS.name], reviews);
  }

  reset(): void {
    this.texts = [];
    this.candidates = [];
    this.reviews = [];
    this.latestText = new Map();
    this.stagedCandidates = new Map();
    this.stagedAccepted = new Map();
  }

  private async previousText(storyId: string, c: ProjectionContext): Promise<CandidateTextRow | undefined> {
    const id = storyId.toLowerCase();
    const staged = this.latestText.get(id);
    if (staged) return staged;
    const { rows } = await c.tx.query<CandidateTextRow>(
      `SELECT * FROM ${c.tables[FACT_CANDIDATE_TEXTS.name]} WHERE story_id = $1 ORDER BY revision DESC LIMIT 1`,
      [id],
    );
    return rows[0];
  }

  private async candidate(storyId: string, revision: number, candidateId: string, c: ProjectionContext): Promise<Candidate> {
    const staged = this.stagedCandidates.get(storyId)?.get(`${revision}/${candidateId}`);
    if (staged) return staged;
    const { rows } = await c.tx.query<Pick<CandidateRow, 'candidate'>>(
      `SELECT candidate FROM ${c.tables[FACT_CANDIDATES.name]} WHERE story_id = $1 AND candidate_id = $2 AND revision = $3`,
      [storyId, candidateId, revision],
    );
    if (!rows[0]) throw new Error(`fact-candidates: story ${storyId} has no candidate ${candidateId} in revision ${revision}`);
    return rows[0].candidate;
  }

  /** The facts accepted from the story so far, in log order: those of earlier batches, then this batch's. */
  private async acceptedFacts(storyId: string, c: ProjectionContext): Promise<AcceptedFact[]> {
    if (this.storiesWithAccepted && !this.storiesWithAccepted.has(storyId)) return [];
    const { rows } = await c.tx.query<Pick<ReviewRow, 'fact_id' | 'fields' | 'evidence'>>(
      `SELECT fact_id, fields, evidence FROM ${c.tables[FACT_CANDIDATE_REVIEWS.name]}
        WHERE story_id = $1 AND state = 'accepted' ORDER BY position`,
      [storyId],
    );
    const stored = rows.flatMap((r) => (r.fact_id && r.fields && r.evidence ? [acceptedFact(r.fact_id, r.fields, r.evidence)] : []));
    return [...stored, ...(this.stagedAccepted.get(storyId) ?? [])];
  }
}

function acceptedFact(
  factId: string,
  fields: NonNullable<ReviewRow['fields']>,
  evidence: NonNullable<ReviewRow['evidence']>,
): AcceptedFact {
  return { id: factId, title: fields.title, when: fields.when, participants: fields.participants.map((p) => ({ name: p.name })), evidence };
}
