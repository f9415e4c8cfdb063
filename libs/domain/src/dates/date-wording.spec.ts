import { describe, expect, it } from '@jest/globals';
import { FactsSpecification } from '../testing/facts-specification';
import { istanbulFacts, officials, talks } from '../testing/istanbul-facts';
import { aboutWords, attributionWords, factDateWords, headingWords, statusWords, timingWords } from './date-wording';

describe('plain words for readers', () => {
  it('dates never more precise than known', () => {
    expect(
      [
        { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
        { precision: 'day', on: '2025-05-16', at: '2025-05-16T20:30:00Z', timezone: 'Europe/Istanbul', certainty: 'explicit' },
        { precision: 'day', on: '2025-05-16', at: '2025-05-16T10:30:00+03:00', certainty: 'inferred' },
        { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'explicit' },
        { precision: 'bounded', onOrAfter: '2025-05-12', certainty: 'explicit' },
        { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'explicit' },
        { precision: 'period', from: '2025-04-28', until: '2025-05-03', certainty: 'explicit' },
        { precision: 'month', on: '2025-05', certainty: 'explicit' },
        { precision: 'year', on: '2022', certainty: 'explicit' },
      ].map((d) => factDateWords(d as never)),
    ).toEqual([
      'on 16 May 2025',
      'on 16 May 2025 at 23:30 (Europe/Istanbul)',
      'on 16 May 2025 at 10:30 (UTC+03:00) (inferred)',
      'on or before 16 May 2025',
      'on or after 12 May 2025',
      'between 1 and 16 May 2025',
      'from 28 April to 3 May 2025',
      'in May 2025',
      'in 2022',
    ]);
  });

  it('headings and statuses', () => {
    expect([
      headingWords({ kind: 'day', day: '2025-05-16' }),
      headingWords({ kind: 'on-or-before', day: '2025-05-16' }),
      headingWords({ kind: 'between', from: '2024-12-28', until: '2025-01-03' }),
      headingWords({ kind: 'month', month: '2025-05' }),
      headingWords({ kind: 'year', year: '2022' }),
    ]).toEqual([
      'Friday 16 May 2025',
      'On or before 16 May 2025',
      'Between 28 December 2024 and 3 January 2025',
      'Some time in May 2025',
      'Some time in 2022',
    ]);
    expect((['happened', 'expected', 'did-not-happen'] as const).map(statusWords)).toEqual([undefined, 'expected', 'did not happen']);
  });

  it('attribution: each level reads differently, "according to Sky News" is not "reportedly"', () => {
    expect([
      attributionWords({ attribution: 'named-source', name: 'Sky News', wording: 'according to Sky News' }),
      attributionWords({
        attribution: 'unnamed-source',
        name: 'Interfax',
        wording: 'Russian news agency Interfax reported, citing a source',
      }),
      attributionWords({ attribution: 'unnamed-source' }),
      attributionWords({ attribution: 'reportedly' }),
      attributionWords({ attribution: 'party-claim', name: 'Moscow' }),
      attributionWords({ attribution: 'own-reporting', name: 'The Kyiv Independent' }),
    ]).toEqual(['according to Sky News', 'Interfax, citing a source', 'citing a source', 'reportedly', 'Moscow claims', undefined]);
  });

  it('given the meeting "earlier in the day" before the talks, then "earlier in the day, before the talks"; words that say "before" already get no more', () => {
    const nameOf = (id: string) => (id === talks ? 'the talks' : undefined);
    FactsSpecification.given(istanbulFacts)
      .when((facts) => facts.filter((f) => f.relations.length > 0 || f.id === talks).map((f) => timingWords(f.when, f.relations, nameOf)))
      .then([
        'on May 16',
        'earlier in the day, before the talks',
        'after the meeting started',
        'before the negotiations',
        'earlier in the day, before the talks',
        'later',
      ]);
    expect(
      timingWords(
        { precision: 'day', on: '2025-05-16', certainty: 'inferred' },
        [{ relation: 'same-day', fact: officials }],
        () => "the officials' meeting",
      ),
    ).toBe("the same day as the officials' meeting");
  });

  it('about dates carry their label', () => {
    expect(
      aboutWords({
        label: 'unconditional ceasefire proposed to start',
        date: { precision: 'day', on: '2025-05-12', certainty: 'explicit' },
      }),
    ).toBe('unconditional ceasefire proposed to start on 12 May 2025');
  });
});
