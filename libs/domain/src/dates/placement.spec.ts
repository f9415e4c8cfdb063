import { describe, it } from '@jest/globals';
import { FactsSpecification } from '../testing/facts-specification';
import {
  anton,
  ceasefireCall,
  istanbulFacts,
  officials,
  talks,
  talks2022,
  trumpDownplays,
  trumpOptimism,
  umerov,
  welcome,
  yermak,
} from '../testing/istanbul-facts';
import { daySections } from './day-sections';
import { PlaceableFact, placement } from './placement';

const sectionsOn = (day: string) => (facts: typeof istanbulFacts) =>
  daySections(facts, day).map((s) => ({ heading: s.heading, entries: s.entries.map((e) => e.key) }));

describe('placement: a fact sits on a day only when the text gives that day', () => {
  it('given a day, when placed, then it is filed under that day', () => {
    FactsSpecification.given<PlaceableFact>([{ id: 'a', when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' } }])
      .when((facts) => placement(facts[0]))
      .then([
        { fact: 'a', key: 'a', role: 'fact', day: '2025-05-16', heading: { kind: 'day', day: '2025-05-16' }, sortKey: '2025-05-16|0|' },
      ]);
  });

  it('given a range the text gives as bounds, when placed, then once on its latest day under "between", never on its first day', () => {
    FactsSpecification.given<PlaceableFact>([
      { id: 'a', when: { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'inferred' } },
    ])
      .when((facts) => placement(facts[0]).map((p) => [p.day, p.heading]))
      .then([['2025-05-16', { kind: 'between', from: '2025-05-01', until: '2025-05-16' }]]);
  });

  it('given an open bound, when placed, then on its one finite day under "on or before" or "on or after"', () => {
    FactsSpecification.given<PlaceableFact>([
      { id: 'a', when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' } },
      { id: 'b', when: { precision: 'bounded', onOrAfter: '2025-05-12', certainty: 'inferred' } },
    ])
      .when((facts) => facts.flatMap(placement).map((p) => [p.day, p.heading.kind]))
      .then([
        ['2025-05-16', 'on-or-before'],
        ['2025-05-12', 'on-or-after'],
      ]);
  });

  it('given a period, when placed, then on its first day, which the text gives: it went on from then', () => {
    FactsSpecification.given<PlaceableFact>([
      { id: 'a', when: { precision: 'period', from: '2025-05-14', until: '2025-05-16', certainty: 'explicit' } },
    ])
      .when((facts) => placement(facts[0]).map((p) => [p.day, p.heading]))
      .then([['2025-05-14', { kind: 'day', day: '2025-05-14' }]]);
  });

  it("given a month or a year, when placed, then on its last day, under a section after that day's own facts", () => {
    FactsSpecification.given<PlaceableFact>([
      { id: 'm', when: { precision: 'month', on: '2024-02', certainty: 'explicit' } },
      { id: 'y', when: { precision: 'year', on: '2022', certainty: 'explicit' } },
    ])
      .when((facts) => facts.flatMap(placement).map((p) => [p.day, p.heading, p.sortKey]))
      .then([
        ['2024-02-29', { kind: 'month', month: '2024-02' }, '2024-02-29|4|'],
        ['2022-12-31', { kind: 'year', year: '2022' }, '2022-12-31|5|'],
      ]);
  });

  it('given a zone edge, when placed, then a fact at 23:30 Istanbul time on 16 May stays on 16 May (20:30 UTC; 17 May in Tokyo)', () => {
    FactsSpecification.given<PlaceableFact>([
      {
        id: 'late',
        when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T20:30:00Z', timezone: 'Europe/Istanbul', certainty: 'explicit' },
      },
    ])
      .when((facts) => placement(facts[0])[0].day)
      .then('2025-05-16');
  });

  it('given an "about" date, when placed, then it has its own entry on its day, linked to the fact that names it', () => {
    const call = istanbulFacts.find((f) => f.id === ceasefireCall)!;
    FactsSpecification.given([call])
      .when((facts) => placement(facts[0]).map(({ key, fact, role, about, day }) => ({ key, fact, role, about, day })))
      .then([
        { key: ceasefireCall, fact: ceasefireCall, role: 'fact', about: undefined, day: '2025-05-16' },
        {
          key: `${ceasefireCall}/about/0`,
          fact: ceasefireCall,
          role: 'about',
          about: { index: 0, label: 'unconditional ceasefire proposed to start' },
          day: '2025-05-12',
        },
      ]);
  });
});

describe('a day page of the Istanbul story', () => {
  it('given the story, when 16 May is read, then the day\'s facts lead, the relations order them, and the undated follow under "on or before"', () => {
    FactsSpecification.given(istanbulFacts)
      .when(sectionsOn('2025-05-16'))
      .then([
        {
          heading: { kind: 'day', day: '2025-05-16' },
          // The two meetings "earlier in the day" come before the talks they preceded, Yermak after;
          // the welcome speech and Trump's "might attend on May 16" keep their recording order.
          entries: [officials, umerov, talks, welcome, yermak, `${trumpOptimism}/about/0`],
        },
        { heading: { kind: 'on-or-before', day: '2025-05-16' }, entries: [ceasefireCall, anton, trumpOptimism, trumpDownplays] },
      ]);
  });

  it("given the story, when 12 May is read, then it holds the ceasefire's proposed start; 1 May holds nothing", () => {
    FactsSpecification.given(istanbulFacts)
      .when((facts) => [sectionsOn('2025-05-12')(facts), sectionsOn('2025-05-01')(facts)])
      .then([[{ heading: { kind: 'day', day: '2025-05-12' }, entries: [`${ceasefireCall}/about/0`] }], []]);
  });

  it('given the story, when 31 December 2022 is read, then the 2022 talks are there, as some time in 2022', () => {
    FactsSpecification.given(istanbulFacts)
      .when(sectionsOn('2022-12-31'))
      .then([{ heading: { kind: 'year', year: '2022' }, entries: [talks2022] }]);
  });

  it('given a relation chain in one section, when ordered, then "later" follows "initially" even when recorded first', () => {
    const optimism = istanbulFacts.find((f) => f.id === trumpOptimism)!;
    const downplays = istanbulFacts.find((f) => f.id === trumpDownplays)!;
    FactsSpecification.given([downplays, { ...optimism, about: [] }])
      .when(sectionsOn('2025-05-16'))
      .then([{ heading: { kind: 'on-or-before', day: '2025-05-16' }, entries: [trumpOptimism, trumpDownplays] }]);
  });
});
