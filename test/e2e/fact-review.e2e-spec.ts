import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { diplomaticEventStream, EVENT_CATALOGUE, factReviewStream, storyStream } from '@dateline/domain';
import { acceptedFactId } from '../../apps/service/src/fact-review/accepted-fact-id';
import { BACKENDS, StartedBackend } from '../support/backends';
import { story } from '../support/fixtures';
import { readModelsAndRebuild } from '../support/read-models-vs-rebuild';
import { bearer, TestApp } from '../support/test-app';

/** A story of our own: talks in Geneva, then a second revision that adds a paragraph. */
const REVISION_1 = [
  'Negotiators from Norway and Chile sat down in Geneva on 3 March for their first direct talks since 2019, the Nordic Wire reported.',
  'Chile has turned down a proposal for a joint fisheries commission.',
].join('\n\n');
const REVISION_2 = `${REVISION_1}\n\nThe two delegations are expected to meet again in Oslo in April.`;
const PUBLISHED_1 = '2025-03-03T12:00:00Z';
const PUBLISHED_2 = '2025-03-03T15:30:00Z';

interface Candidate {
  id: string;
  revision: number;
  evidence: { revision: number; paragraph: number; start: number; end: number; text: string; sentence: { start: number; end: number } };
  proposed: Record<string, unknown> & { title: string; relations: unknown[] };
  confidence: number;
  flags: { flag: string; fact: string }[];
  review: { state: string; factId?: string; reason?: string };
}

interface CandidatesAnswer {
  id: string;
  position: number;
  candidates: Candidate[];
  next?: string;
}

/** The proposed fields as an editor sends them back: relations to other candidates left out (they are no facts yet). */
const asEdited = (c: Candidate, over: Record<string, unknown> = {}) => ({ ...c.proposed, relations: [], ...over });

describe.each(BACKENDS)('fact review (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;
  let storyId: string;
  let lastWrite = 0;
  let first: Candidate[];
  let second: Candidate[];

  const list = async (query: string): Promise<CandidatesAnswer> =>
    (await t.http().get(`/stories/${storyId}/fact-candidates?minPosition=${lastWrite}${query}`).expect(200)).body as CandidatesAnswer;
  const review = (candidateId: string, what: 'acceptance' | 'dismissal', body: object) =>
    t.http().post(`/stories/${storyId}/fact-candidates/${candidateId}/${what}`).set(bearer()).send(body);
  const logged = async (stream: string) => (await t.storage.store.readStream(stream)).map((r) => r.type);
  const seen = (position: number) => (lastWrite = Math.max(lastWrite, position));

  beforeAll(async () => {
    backend = await start();
    t = backend.app;
    const created = await t
      .http()
      .post('/stories')
      .set(bearer())
      .send(story({ body: REVISION_1, publishedAt: PUBLISHED_1 }))
      .expect(201);
    storyId = created.body.id;
    const revised = await t
      .http()
      .post(`/stories/${storyId}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 1, body: REVISION_2, kind: 'update', changeNote: 'Next meeting', publishedAt: PUBLISHED_2 })
      .expect(201);
    seen(revised.body.position);
    first = (await list('&revision=1')).candidates;
    second = (await list('&revision=2')).candidates;
  });

  afterAll(async () => {
    await t?.close();
    await backend?.cleanup();
  });

  it("lists each revision's candidates with their evidence in its text, open until reviewed", async () => {
    expect(first.length).toBeGreaterThanOrEqual(2);
    for (const c of first) {
      expect(c).toMatchObject({ revision: 1, evidence: { revision: 1 }, review: { state: 'open' } });
      expect(REVISION_1.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
      expect(c.confidence).toBeGreaterThan(0);
    }
    // The second revision proposes only what it added.
    expect(second.length).toBeGreaterThanOrEqual(1);
    for (const c of second) expect(c.evidence.start).toBeGreaterThanOrEqual(REVISION_1.length);
    // Pages of one follow each other to the same list, by revision and in the order of the text.
    const firstPage = await t.http().get(`/stories/${storyId}/fact-candidates?limit=1`).expect(200);
    expect(firstPage.headers.link).toBe(`</stories/${storyId}/fact-candidates?limit=1&cursor=${firstPage.body.next}>; rel="next"`);
    let page = firstPage.body as CandidatesAnswer;
    const paged: Candidate[] = [...page.candidates];
    while (page.next) {
      page = (await t.http().get(`/stories/${storyId}/fact-candidates?limit=1&cursor=${page.next}`).expect(200)).body as CandidatesAnswer;
      paged.push(...page.candidates);
    }
    expect(paged.map((c) => c.id)).toEqual([...first, ...second].map((c) => c.id));
  });

  it('answers 404 for an unknown story, candidate or revision, and 400 for a malformed one', async () => {
    await t.http().get(`/stories/${randomUUID()}/fact-candidates`).expect(404);
    const res = await review('fc-000000000000000000000000', 'dismissal', { reason: 'no such thing' }).expect(404);
    expect(res.body.message).toContain('has no fact candidate');
    expect((await t.http().get(`/stories/${storyId}/fact-candidates?revision=9`).expect(404)).body.message).toContain('no revision 9');
    const bad = await t.http().get(`/stories/${storyId}/fact-candidates?revision=two`).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('revision');
  });

  it('accepting with an edit records the fact, with its provenance, on the timeline', async () => {
    const talks = first.find((c) => c.evidence.text.includes('sat down in Geneva')) ?? first[0];
    const res = await review(talks.id, 'acceptance', asEdited(talks, { title: 'Norway and Chile open talks in Geneva' })).expect(201);
    expect(res.body).toMatchObject({ candidateId: talks.id, revision: 1, state: 'accepted', factId: acceptedFactId(storyId, talks.id) });
    seen(res.body.position);

    const fact = (await t.http().get(`/diplomatic-events/${res.body.factId}?minPosition=${lastWrite}`).expect(200)).body;
    expect(fact).toMatchObject({
      title: 'Norway and Chile open talks in Geneva',
      storyIds: [storyId],
      publishedAt: new Date(PUBLISHED_1).toISOString(),
      provenance: { storyId, revision: 1, paragraph: talks.evidence.paragraph, start: talks.evidence.start, end: talks.evidence.end },
    });
    const range = await t.http().get(`/timeline?from=2019-01-01&to=2025-12-31&storyId=${storyId}&minPosition=${lastWrite}`).expect(200);
    const entries = (range.body.days as { entries: { id: string; provenance?: unknown }[] }[]).flatMap((d) => d.entries);
    const entry = entries.find((e) => e.id === res.body.factId);
    expect(entry?.provenance).toEqual(fact.provenance);
    const listed = (await list('&revision=1')).candidates.find((c) => c.id === talks.id);
    expect(listed?.review).toMatchObject({ state: 'accepted', factId: res.body.factId, editor: 'alice' });
  });

  it('accepting twice records one fact: the second answers 200 with the same fact', async () => {
    const talks = first.find((c) => c.review.state === 'open' && c.evidence.text.includes('sat down in Geneva')) ?? first[0];
    const factId = acceptedFactId(storyId, talks.id);
    const again = await review(talks.id, 'acceptance', asEdited(talks, { title: 'Another title' })).expect(200);
    expect(again.body).toMatchObject({ state: 'accepted', factId });
    expect(await logged(diplomaticEventStream(factId))).toEqual(['DiplomaticEventRecorded']);
    expect((await t.http().get(`/diplomatic-events/${factId}`).expect(200)).body.title).toBe('Norway and Chile open talks in Geneva');
  });

  it('a retry after a crash between the two appends finds the fact and records the review', async () => {
    const candidate = second[0];
    const factId = acceptedFactId(storyId, candidate.id);
    // The fact recorded, the review not: as if the service stopped between the two appends.
    await t.storage.store.append(
      diplomaticEventStream(factId),
      [
        {
          id: randomUUID(),
          type: 'DiplomaticEventRecorded',
          schemaVersion: EVENT_CATALOGUE.DiplomaticEventRecorded.version,
          data: {
            eventId: factId,
            ...asEdited(candidate, { title: 'Recorded before the crash' }),
            storyIds: [storyId],
            provenance: {
              storyId,
              revision: 2,
              paragraph: candidate.evidence.paragraph,
              start: candidate.evidence.start,
              end: candidate.evidence.end,
            },
          },
          metadata: { editor: 'alice', correlationId: randomUUID(), recordedAt: new Date().toISOString() },
        },
      ],
      'no_stream',
    );
    const res = await review(candidate.id, 'acceptance', asEdited(candidate, { title: 'Sent again after the crash' })).expect(201);
    expect(res.body).toMatchObject({ state: 'accepted', factId });
    seen(res.body.position);
    expect(await logged(diplomaticEventStream(factId))).toEqual(['DiplomaticEventRecorded']);
    const [accepted] = (await t.storage.store.readStream(factReviewStream(storyId))).filter(
      (r) => (r.data as { candidateId: string }).candidateId === candidate.id,
    );
    expect(accepted.data).toMatchObject({ factId, fields: { title: 'Recorded before the crash' } });
  });

  it('refuses a bad acceptance with a 400 naming the field, and a dismissal without a reason, changing nothing', async () => {
    const open = first.filter((c) => c.review.state === 'open' && !c.evidence.text.includes('sat down in Geneva'));
    const before = await logged(factReviewStream(storyId));
    const kind = await review(open[0].id, 'acceptance', asEdited(open[0], { kind: 'party' })).expect(400);
    expect(kind.body.message).toEqual(expect.arrayContaining([expect.stringContaining('kind must be')]));
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await review(open[0].id, 'dismissal', body).expect(400);
      expect(JSON.stringify(res.body.message)).toContain('reason');
    }
    await t.http().post(`/stories/${storyId}/fact-candidates/${open[0].id}/dismissal`).send({ reason: 'no token' }).expect(401);
    expect(await logged(factReviewStream(storyId))).toEqual(before);
    expect(await logged(diplomaticEventStream(acceptedFactId(storyId, open[0].id)))).toEqual([]);
  });

  it('dismissing records the reason; the candidate is then dismissed, and accepting it is a 409', async () => {
    const open = first.filter((c) => c.review.state === 'open' && !c.evidence.text.includes('sat down in Geneva'));
    const target = open[open.length - 1];
    const res = await review(target.id, 'dismissal', { reason: 'A refusal already on the timeline' }).expect(201);
    expect(res.body).toMatchObject({ candidateId: target.id, state: 'dismissed', reason: 'A refusal already on the timeline' });
    seen(res.body.position);
    const listed = (await list('&revision=1')).candidates.find((c) => c.id === target.id);
    expect(listed?.review).toMatchObject({ state: 'dismissed', reason: 'A refusal already on the timeline', editor: 'alice' });
    // Dismissing again answers the first dismissal; accepting it now is a conflict that names it.
    expect((await review(target.id, 'dismissal', { reason: 'Another reason' }).expect(200)).body.reason).toBe(
      'A refusal already on the timeline',
    );
    const conflict = await review(target.id, 'acceptance', asEdited(target)).expect(409);
    expect(conflict.body.message).toContain('was dismissed');
    expect(await logged(diplomaticEventStream(acceptedFactId(storyId, target.id)))).toEqual([]);
    // And an accepted candidate cannot be dismissed.
    const talks = first.find((c) => c.evidence.text.includes('sat down in Geneva')) ?? first[0];
    expect((await review(talks.id, 'dismissal', { reason: 'Changed my mind' }).expect(409)).body.message).toContain('already accepted');
  });

  it("a later revision that rewrites an accepted fact's sentence proposes amending that fact", async () => {
    const talks = first.find((c) => c.evidence.text.includes('sat down in Geneva')) ?? first[0];
    const rewritten = REVISION_2.replace('the Nordic Wire reported', 'the Nordic Wire and a Chilean daily reported');
    expect(rewritten).not.toBe(REVISION_2);
    const revised = await t
      .http()
      .post(`/stories/${storyId}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 2, body: rewritten, kind: 'update', changeNote: 'Second source' })
      .expect(201);
    seen(revised.body.position);
    const third = (await list('&revision=3')).candidates;
    const factId = acceptedFactId(storyId, talks.id);
    const amending = third.filter((c) => c.flags.some((f) => f.flag === 'amends' && f.fact === factId));
    // Every candidate of the rewritten sentence says so (the sentence carried the fact); the new paragraph's do not.
    expect(amending.map((c) => c.evidence.text)).toEqual(expect.arrayContaining([expect.stringContaining('sat down in Geneva')]));
    for (const c of amending) expect(c.evidence.sentence.start).toBe(0);
  });

  it('keeps every review in the log: the story fact-review stream, and the facts they recorded', async () => {
    const types = await logged(factReviewStream(storyId));
    expect(types).toEqual(['FactCandidateAccepted', 'FactCandidateAccepted', 'FactCandidateDismissed']);
    expect(await logged(storyStream(storyId))).toEqual(['StoryCreated', 'StoryRevised', 'StoryRevised']);
  });

  it('the candidates and their reviews equal a rebuild of them from the log (into the __next tables)', async () => {
    await list('');
    const { live, rebuilt } = await readModelsAndRebuild(t.storage.store, t.storage.sql);
    expect(live['fact-candidates.fact_candidate_reviews']).toMatchObject({ rows: 3 });
    expect(live).toEqual(rebuilt);
  });
});
