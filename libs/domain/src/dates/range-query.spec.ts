import { describe, it } from '@jest/globals';
import { FactsSpecification } from '../testing/facts-specification';
import { anton, ceasefireCall, istanbulFacts, talks, talks2022, welcome } from '../testing/istanbul-facts';
import { PlaceableFact } from './placement';
import { whichFallIn } from './range-query';

const found = (from: string, to: string) => (facts: readonly PlaceableFact[]) =>
  whichFallIn(facts, { from, to }).map((m) => [m.placement.key, m.dating, m.certain]);

describe('range queries include every fact that can fall in the range, and say how it is dated', () => {
  it('given the story, when 10–12 May is asked, then the 12 May ceasefire start certainly, and the undated "on or before 16 May" facts as possible', () => {
    FactsSpecification.given(istanbulFacts.filter((f) => [talks, ceasefireCall, anton, talks2022].includes(f.id)))
      .when(found('2025-05-10', '2025-05-12'))
      .then([
        [`${ceasefireCall}/about/0`, 'exact-day', true],
        [ceasefireCall, 'on-or-before', false],
        [anton, 'on-or-before', false],
      ]);
  });

  it('given the story, when 1 January 2022 to 16 May 2025 is asked, then the year-dated 2022 talks too', () => {
    FactsSpecification.given(istanbulFacts.filter((f) => [talks, welcome, talks2022].includes(f.id)))
      .when(found('2022-01-01', '2025-05-16'))
      .then([
        [talks2022, 'year', true],
        [talks, 'exact-day', true],
        [welcome, 'exact-day', true],
      ]);
  });

  it('given a range, a period, a month and an open lower bound, then each says whether it surely falls in the range', () => {
    FactsSpecification.given<PlaceableFact>([
      { id: 'between', when: { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'inferred' } },
      { id: 'period', when: { precision: 'period', from: '2025-04-28', until: '2025-05-03', certainty: 'explicit' } },
      { id: 'month', when: { precision: 'month', on: '2025-05', certainty: 'explicit' } },
      { id: 'after', when: { precision: 'bounded', onOrAfter: '2025-05-12', certainty: 'inferred' } },
      { id: 'june', when: { precision: 'day', on: '2025-06-01', certainty: 'explicit' } },
      { id: 'april', when: { precision: 'month', on: '2025-04', certainty: 'explicit' } },
    ])
      .when(found('2025-05-01', '2025-05-31'))
      .then([
        ['period', 'period', true],
        ['after', 'on-or-after', false],
        ['between', 'between', true],
        ['month', 'month', true],
      ]);
  });
});
