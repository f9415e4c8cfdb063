import { describe, expect, it } from '@jest/globals';
import { DateKnowledgeV2, dateKnowledgeV2Problems } from './date-knowledge-v2';

const anton: DateKnowledgeV2 = {
  when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred', wording: 'before the negotiations' },
  status: 'happened',
  relations: [{ relation: 'before', fact: 'talks' }],
  about: [],
  sources: [{ attribution: 'reportedly', wording: 'reportedly' }],
};

describe("one fact's v2 date knowledge", () => {
  it('given Anton meeting Medinsky "reportedly", "before the negotiations", then it is accepted without a source name', () => {
    expect(dateKnowledgeV2Problems(anton)).toEqual([]);
  });

  it('given problems in every part, then each is named by its path', () => {
    expect(
      dateKnowledgeV2Problems({
        ...anton,
        when: { precision: 'day', on: '2025-05-32', certainty: 'inferred' },
        status: 'maybe' as never,
        about: [{ label: ' ', date: { precision: 'year', on: '2022', certainty: 'explicit' } }],
        sources: [{ attribution: 'named-source' }, { attribution: 'reportedly', wording: 'x\u0000' }],
      }),
    ).toEqual([
      'when.on must be a real calendar date YYYY-MM-DD (got "2025-05-32")',
      'about.0.label must not be empty',
      'status must be one of happened, expected, cancelled, postponed, did-not-happen',
      'sources.0.name is required when attribution is named-source',
      'sources.1.wording contains a NUL character (U+0000), which cannot be stored',
    ]);
  });

  it('given a null anywhere, then only the nulls are named', () => {
    expect(dateKnowledgeV2Problems({ ...anton, about: null as never })).toEqual(['about must not be null']);
  });
});
