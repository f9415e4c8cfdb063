import { describe, expect, it } from '@jest/globals';
import { InvalidInput } from '../errors/domain-errors';
import { FactsSpecification } from '../testing/facts-specification';
import { istanbulFacts, talks } from '../testing/istanbul-facts';
import { FactDate } from './fact-date';
import { checkStoryRelations, RelatedFact, relationsProblems, storyRelationProblems } from './fact-relations';

const day = (on: string, at?: string): FactDate => ({ precision: 'day', on, certainty: 'explicit', ...(at ? { at } : {}) });
const fact = (id: string, relations: RelatedFact['relations'], when?: FactDate): RelatedFact => ({
  id,
  relations,
  ...(when ? { when } : {}),
});

describe("relations among a story's facts", () => {
  it('given the Istanbul story\'s chain (meetings before the talks, Yermak after, "initially … later"), then it holds', () => {
    FactsSpecification.given(istanbulFacts).when(checkStoryRelations).then(undefined);
  });

  it('given A before B and B before A, when checked, then a 400 names the cycle', () => {
    FactsSpecification.given([fact('a', [{ relation: 'before', fact: 'b' }]), fact('b', [{ relation: 'before', fact: 'a' }])])
      .when(checkStoryRelations)
      .thenThrows(InvalidInput, /the relations form a cycle, so no order can hold them all: a before b, b before a/);
  });

  it('given a longer cycle through "after" and "same day", when checked, then it is named once, with every step', () => {
    FactsSpecification.given<RelatedFact>([
      fact('a', [{ relation: 'before', fact: 'b' }]),
      fact('b', [{ relation: 'same-day', fact: 'c' }]),
      fact('a2', []),
      fact('c', [{ relation: 'after', fact: 'a' }]),
      fact('d', [{ relation: 'after', fact: 'c' }]),
      {
        id: 'e',
        name: 'Closing statement',
        relations: [
          { relation: 'before', fact: 'a' },
          { relation: 'after', fact: 'd' },
        ],
      },
    ])
      .when(storyRelationProblems)
      .then([
        'the relations form a cycle, so no order can hold them all: a before b, b same day as c, c before d, d before "Closing statement" (e), "Closing statement" (e) before a',
      ]);
  });

  it('given same-day both ways and no before/after, then that is no cycle', () => {
    FactsSpecification.given([fact('a', [{ relation: 'same-day', fact: 'b' }]), fact('b', [{ relation: 'same-day', fact: 'a' }])])
      .when(storyRelationProblems)
      .then([]);
  });

  it('given "before" a fact whose known day is earlier, directly or through a chain, then the dates contradict it', () => {
    FactsSpecification.given<RelatedFact>([
      fact('a', [{ relation: 'before', fact: 'b' }], day('2025-05-17')),
      fact('b', [{ relation: 'before', fact: 'c' }]),
      fact('c', [], { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' }),
    ])
      .when(storyRelationProblems)
      .then(['a comes before c (a before b, b before c), but a happened on 2025-05-17 or later and c on 2025-05-16 or earlier']);
  });

  it('given "before" on one day, then the times must agree when both are known; same-day facts must be able to share a day', () => {
    FactsSpecification.given<RelatedFact>([
      fact('a', [{ relation: 'before', fact: 'b' }], day('2025-05-16', '2025-05-16T12:00:00+03:00')),
      fact('b', [], day('2025-05-16', '2025-05-16T10:00:00+03:00')),
      fact('c', [{ relation: 'same-day', fact: 'd' }], { precision: 'month', on: '2025-05', certainty: 'inferred' }),
      fact('d', [], day('2025-06-01')),
    ])
      .when(storyRelationProblems)
      .then([
        'a comes before b (a before b), but a is at 2025-05-16T12:00:00+03:00 and b at 2025-05-16T10:00:00+03:00',
        'd comes before c (d same day as c), but d happened on 2025-06-01 or later and c on 2025-05-31 or earlier',
      ]);
  });

  it('given relations to itself or to a fact outside the story, then each is named', () => {
    FactsSpecification.given<RelatedFact>([
      fact('a', [
        { relation: 'before', fact: 'a' },
        { relation: 'after', fact: 'zz' },
      ]),
    ])
      .when(storyRelationProblems)
      .then(['a cannot be related to itself', "a is related to zz, which is not one of the story's facts"]);
  });

  it("given one fact's list, then a bad relation, a missing id and a repeat are named by path", () => {
    expect(
      relationsProblems(
        [{ relation: 'during', fact: talks }, { relation: 'before' }, { relation: 'after', fact: 'x' }, { relation: 'before', fact: 'x' }],
        'relations',
      ),
    ).toEqual([
      'relations.0.relation must be one of before, after, same-day',
      'relations.1.fact must be the id of another fact',
      'relations relates to x more than once',
    ]);
  });
});
