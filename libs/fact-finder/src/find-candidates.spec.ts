import { describe, expect, it } from '@jest/globals';
import { InvalidInput } from '@dateline/domain';
import type { AcceptedFact } from './candidate';
import { candidates, candidateWith } from './testing/read';

const REVISION_1 = [
  'Negotiators from Ukraine and Russia sat down in Istanbul on 16 May for their first direct talks since 2022, Sky News reported.',
  'Ukraine and its allies have called on Russia to accept an unconditional ceasefire from 12 May. Russia has turned the proposal down.',
].join('\n\n');

describe('findCandidates', () => {
  it('is deterministic: the same input gives the same candidates, ids included', () => {
    expect(candidates(REVISION_1)).toEqual(candidates(REVISION_1));
  });

  it("rests each candidate on a span of the revision's text", () => {
    for (const c of candidates(REVISION_1)) {
      expect(REVISION_1.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
      expect(c.evidence.sentence.start).toBeLessThanOrEqual(c.evidence.start);
      expect(c.evidence.sentence.end).toBeGreaterThanOrEqual(c.evidence.end);
      expect(c.evidence.revision).toBe(1);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('proposes v2 fields: a day, bounds, an about date, sources, relations by id', () => {
    const all = candidates(REVISION_1);
    const talks = candidateWith(all, 'sat down in Istanbul');
    const year2022 = all.find((c) => c.evidence.text === 'first direct talks since 2022');
    if (!year2022) throw new Error('no candidate for "since 2022"');
    const call = candidateWith(all, 'have called on Russia');
    const rejection = candidateWith(all, 'turned the proposal down');
    expect(talks.proposed).toMatchObject({
      kind: 'talks',
      cameoCode: '046',
      when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
      status: 'happened',
      relations: [{ relation: 'after', fact: year2022.id }],
      sources: [{ attribution: 'named-source', name: 'Sky News' }],
    });
    expect(year2022.proposed.when).toMatchObject({ precision: 'year', on: '2022' });
    expect(call.proposed.when).toEqual({ precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' });
    expect(call.proposed.about.map((a) => a.date)).toEqual([{ precision: 'day', on: '2025-05-12', certainty: 'explicit' }]);
    expect(rejection.proposed.relations).toEqual([{ relation: 'after', fact: call.id }]);
  });

  it('gives the same id to the same sentence in another revision, and another id to another story', () => {
    const id = candidateWith(candidates(REVISION_1), 'turned the proposal down').id;
    const later = candidates(`${REVISION_1}\n\nA new paragraph follows.`, { revision: 2 });
    expect(candidateWith(later, 'turned the proposal down').id).toBe(id);
    expect(candidateWith(candidates(REVISION_1, { storyId: 'story-2' }), 'turned the proposal down').id).not.toBe(id);
  });

  it('proposes only what a revision adds or changes', () => {
    const revision2 = `${REVISION_1}\n\nMichael Anton reportedly held a meeting with Medinsky before the negotiations began.`;
    const fresh = candidates(revision2, { revision: 2, previousText: REVISION_1 });
    expect(fresh.map((c) => c.evidence.text)).toEqual(['Michael Anton reportedly held a meeting with Medinsky']);
    // Its relation names the main event by the id it had as a candidate of the sentence that did not change.
    const talks = candidateWith(candidates(REVISION_1), 'sat down in Istanbul');
    expect(fresh[0].proposed.relations).toEqual([{ relation: 'before', fact: talks.id }]);
    expect(fresh[0].proposed.when).toEqual({
      precision: 'bounded',
      onOrBefore: '2025-05-16',
      certainty: 'inferred',
      wording: 'before the negotiations began',
    });
  });

  it('points relations at the accepted fact that carries the main event', () => {
    const accepted: AcceptedFact[] = [
      {
        id: 'fact-talks',
        title: 'Talks open',
        when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
        participants: [],
        evidence: { revision: 1, start: 0, end: 60, text: 'Negotiators from Ukraine and Russia sat down in Istanbul on 16 May' },
      },
    ];
    const revision2 = `${REVISION_1}\n\nMichael Anton reportedly held a meeting with Medinsky before the negotiations began.`;
    const [anton] = candidates(revision2, { revision: 2, previousText: REVISION_1, acceptedFacts: accepted });
    expect(anton.proposed.relations).toEqual([{ relation: 'before', fact: 'fact-talks' }]);
  });

  it('flags a changed sentence that carries an accepted fact as its amendment', () => {
    const start = REVISION_1.indexOf('Russia has turned');
    const accepted: AcceptedFact[] = [
      {
        id: 'fact-rejection',
        title: 'Russia rejects the ceasefire',
        when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' },
        participants: [{ name: 'Russia' }],
        evidence: { revision: 1, start, end: start + 35 },
      },
    ];
    const revision2 = REVISION_1.replace('Russia has turned the proposal down.', 'Russia has flatly turned the proposal down.');
    const [changed] = candidates(revision2, { revision: 2, previousText: REVISION_1, acceptedFacts: accepted });
    expect(changed.evidence.text).toBe('Russia has flatly turned the proposal down');
    expect(changed.flags).toEqual([{ flag: 'amends', fact: 'fact-rejection' }]);
  });

  it('proposes the retraction of an accepted fact whose sentence is gone', () => {
    const start = REVISION_1.indexOf('Russia has turned');
    const accepted: AcceptedFact[] = [
      {
        id: 'fact-rejection',
        title: 'Russia rejects the ceasefire',
        when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' },
        participants: [{ name: 'Russia' }],
        evidence: { revision: 1, start, end: start + 35 },
      },
    ];
    const revision2 = REVISION_1.replace(' Russia has turned the proposal down.', '');
    const all = candidates(revision2, { revision: 2, previousText: REVISION_1, acceptedFacts: accepted });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      proposed: { title: 'Russia rejects the ceasefire' },
      evidence: { revision: 2, paragraph: 2, text: '' },
      flags: [{ flag: 'retracts', fact: 'fact-rejection', removedSentence: 'Russia has turned the proposal down.' }],
    });
  });

  it('flags a possible duplicate of an accepted fact with a shared participant and overlapping days', () => {
    const accepted: AcceptedFact[] = [
      {
        id: 'fact-anton',
        title: 'Anton meets Medinsky',
        when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' },
        participants: [{ name: 'Medinsky' }],
      },
      {
        id: 'fact-old',
        title: 'An old meeting',
        when: { precision: 'year', on: '2019', certainty: 'explicit' },
        participants: [{ name: 'Medinsky' }],
      },
    ];
    const [c] = candidates('Michael Anton reportedly met Vladimir Medinsky.', { acceptedFacts: accepted });
    expect(c.flags).toEqual([{ flag: 'possible-duplicate', fact: 'fact-anton' }]);
  });

  it('refuses bad input, naming every problem', () => {
    expect(() => candidates('Text.', { storyId: ' ', revision: 0, publishedAt: 'yesterday', zone: 'Mars/Olympus' })).toThrow(InvalidInput);
    try {
      candidates('Text.', { storyId: ' ', revision: 0, publishedAt: 'yesterday', zone: 'Mars/Olympus' });
    } catch (e) {
      expect((e as InvalidInput).problems).toEqual([
        'storyId must be a non-empty text',
        'revision must be a whole number from 1',
        'publishedAt must be an RFC 3339 instant such as 2025-05-16T14:50:00Z',
        'zone "Mars/Olympus" is not an IANA time zone such as Europe/Istanbul',
      ]);
    }
  });

  it('reads the calendar of the zone: late on 16 May in New York is 17 May in Istanbul', () => {
    const late = { publishedAt: '2025-05-17T01:00:00Z' };
    const [inNewYork] = candidates('Russia has turned the proposal down.', { ...late, zone: 'America/New_York' });
    const [inIstanbul] = candidates('Russia has turned the proposal down.', { ...late, zone: 'Europe/Istanbul' });
    expect(inNewYork.proposed.when).toMatchObject({ onOrBefore: '2025-05-16' });
    expect(inIstanbul.proposed.when).toMatchObject({ onOrBefore: '2025-05-17' });
  });

  it('proposes nothing for an empty revision', () => {
    expect(candidates('')).toEqual([]);
  });
});
