import { describe, expect, it } from '@jest/globals';
import { freePort } from '@dateline/event-store/testing';
import { tail } from './tail.command';

describe('tail without a broker', () => {
  it('says how to start one instead of a bare ECONNREFUSED', async () => {
    const broker = `127.0.0.1:${await freePort()}`;
    const failure = tail({ brokers: [broker], prefix: 'dateline.', topics: [], fromBeginning: true, max: 1, write: () => undefined });
    await expect(failure).rejects.toThrow(`cannot reach Kafka at ${broker}`);
    await expect(failure).rejects.toThrow(/npm run kafka:up.*KAFKA_BROKERS/);
    await expect(failure).rejects.toThrow(/ECONNREFUSED|Connection error/);
  });
});
