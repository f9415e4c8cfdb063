import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStoreDBClient } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { StoreUnavailable } from '../errors';
import { SqlClient } from '../sql/sql-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { IdempotencyKeys } from './idempotency-keys';
import { freePort } from '../testing/free-port';

/** These calls never reach the idempotency table: any use of SQL is a failure of the test. */
const noSql = new Proxy({} as SqlClient, {
  get: () => {
    throw new Error('SQL used where it should not be');
  },
});

// The real client against a server that is not there: what the API turns into 503s.
describe('EventStoreDbEventStore when EventStoreDB cannot be reached', () => {
  let store: EventStoreDbEventStore;
  beforeAll(async () => {
    store = new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(`esdb://127.0.0.1:${await freePort()}?tls=false`),
      new IdempotencyKeys(noSql),
    );
  });
  afterAll(() => store.close());

  const event = () => ({
    id: randomUUID(),
    type: 'StoryCreated',
    schemaVersion: 1,
    data: { slug: 'istanbul-talks' },
    metadata: { editor: 'alice' },
  });

  it('append fails with StoreUnavailable', async () => {
    await expect(store.append('story-1', [event()], 'no_stream')).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('readStream, readAll, headPosition and countEvents fail with StoreUnavailable', async () => {
    await expect(store.readStream('story-1')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.readAll(0, 10)).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.countEvents()).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('a subscription ends with StoreUnavailable, so the projector retries from its checkpoint', async () => {
    const sub = store.subscribe(0, async () => undefined);
    await expect(sub.done).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('refuses an empty append before calling the server', async () => {
    await expect(store.append('story-1', [], 'any')).rejects.toBeInstanceOf(RangeError);
  });
});
