import { describe, expect, it } from '@jest/globals';
import { sampleDecision, startupWriteToken } from './sample-on-first-start';

const embedded = {
  databaseUrl: undefined,
  eventStoreUrl: undefined,
  inMemory: false,
  sample: 'istanbul' as const,
  roles: ['api', 'projector', 'relay'] as const,
};

describe('whether a start loads the sample', () => {
  it('loads it into an empty embedded store only', () => {
    expect(sampleDecision(embedded, 0)).toBe('load');
    expect(sampleDecision(embedded, 1)).toEqual({ kind: 'store-not-empty' });
  });

  it('not with DATELINE_SAMPLE=none', () => {
    expect(sampleDecision({ ...embedded, sample: 'none' }, 0)).toEqual({ kind: 'declined' });
  });

  it("never into PostgreSQL, EventStoreDB or the tests' in-memory store, nor without the api role", () => {
    expect(sampleDecision({ ...embedded, databaseUrl: 'postgres://db/x' }, 0)).toEqual({ kind: 'not-embedded' });
    expect(sampleDecision({ ...embedded, eventStoreUrl: 'esdb://esdb:2113' }, 0)).toEqual({ kind: 'not-embedded' });
    expect(sampleDecision({ ...embedded, inMemory: true }, 0)).toEqual({ kind: 'not-embedded' });
    expect(sampleDecision({ ...embedded, roles: ['projector'] }, 0)).toEqual({ kind: 'not-embedded' });
  });
});

describe('the token a start-up write uses', () => {
  it('is the first editor token, with or without a name, else the first admin token', () => {
    expect(startupWriteToken(['alice=s3cret', 'bob=other'], ['root=adm'])).toBe('s3cret');
    expect(startupWriteToken(['bare-token'], [])).toBe('bare-token');
    expect(startupWriteToken([], ['root=adm'])).toBe('adm');
    expect(startupWriteToken([], [])).toBeUndefined();
  });
});
