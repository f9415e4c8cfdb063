import { describe, it } from '@jest/globals';
import { FactsSpecification } from '../testing/facts-specification';
import { DateFieldsV1, dateKnowledgeFromV1 } from './v1-date-mapping';

describe('v1 date knowledge in v2 terms (for the upcaster)', () => {
  it('given a v1 day with time, zone and words, then a v2 day that keeps them all, happened, with no relations or about dates', () => {
    FactsSpecification.given<DateFieldsV1>([
      {
        occurredOn: '2025-05-16',
        occurredAt: '2025-05-16T10:30:00+03:00',
        timezone: 'Europe/Istanbul',
        datePrecision: 'day',
        dateCertainty: 'explicit',
        dateText: 'on May 16',
        sources: [{ name: 'Sky News', hedged: false, url: 'https://news.sky.com/' }],
      },
    ])
      .when((v1) => dateKnowledgeFromV1(v1[0]))
      .then({
        when: {
          precision: 'day',
          on: '2025-05-16',
          at: '2025-05-16T10:30:00+03:00',
          timezone: 'Europe/Istanbul',
          certainty: 'explicit',
          wording: 'on May 16',
        },
        status: 'happened',
        relations: [],
        about: [],
        sources: [{ attribution: 'named-source', name: 'Sky News', url: 'https://news.sky.com/' }],
      });
  });

  it('given a v1 span, then bounds on both sides (some day between, not a period); a one-day span is that day', () => {
    FactsSpecification.given<DateFieldsV1>([
      {
        occurredOn: '2025-05-01',
        occurredUntil: '2025-05-16',
        datePrecision: 'span',
        dateCertainty: 'inferred',
        timezone: 'Europe/Istanbul',
        sources: [],
      },
      { occurredOn: '2025-05-16', occurredUntil: '2025-05-16', datePrecision: 'span', dateCertainty: 'explicit', sources: [] },
    ])
      .when((v1) => v1.map((f) => dateKnowledgeFromV1(f).when))
      .then([
        { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'inferred', timezone: 'Europe/Istanbul' },
        { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
      ]);
  });

  it('given a hedged v1 source, then "reportedly" with its name and note kept', () => {
    FactsSpecification.given<DateFieldsV1>([
      {
        occurredOn: '2025-05-16',
        datePrecision: 'day',
        dateCertainty: 'inferred',
        sources: [{ name: 'Interfax', hedged: true, note: 'citing a source' }],
      },
    ])
      .when((v1) => dateKnowledgeFromV1(v1[0]).sources)
      .then([{ attribution: 'reportedly', name: 'Interfax', note: 'citing a source' }]);
  });
});
