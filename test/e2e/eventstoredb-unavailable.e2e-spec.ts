import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '../support/service-process';
import { story } from '../support/fixtures';
import { ADMIN_TOKEN, bearer, startTestApp, TestApp } from '../support/test-app';

// The service configured for EventStoreDB (EVENTSTORE_URL) whose server is down: the wiring
// from settings to the ESDB adapter, and its errors all the way to HTTP. No server runs here.
describe('EVENTSTORE_URL set, EventStoreDB down', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { EVENTSTORE_URL: `esdb://127.0.0.1:${await freePort()}?tls=false` } });
  });
  afterAll(async () => app.close());

  it('uses the ESDB adapter, with the read models in PGlite', () => {
    expect(app.storage.description).toMatch(/^EventStoreDB esdb:\/\/127\.0\.0\.1:\d+\?tls=false, read models in PGlite in memory$/);
  });

  it('answers writes with 503 and Retry-After', async () => {
    const res = await app
      .http()
      .post('/stories')
      .set(bearer())
      .send(story({ slug: 'esdb-down' }))
      .expect(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
  });

  it('answers writes with an Idempotency-Key with 503 too, without using the key up', async () => {
    await app
      .http()
      .post('/stories')
      .set(bearer())
      .set('Idempotency-Key', 'esdb-down-1')
      .send(story({ slug: 'esdb-down-key' }))
      .expect(503);
    // Another body under the same key: still the outage (503), not a reused key (422).
    await app
      .http()
      .post('/stories')
      .set(bearer())
      .set('Idempotency-Key', 'esdb-down-1')
      .send(story({ slug: 'esdb-down-other' }))
      .expect(503);
  });

  it('keeps serving reads from the read models', async () => {
    const res = await app.http().get('/timeline/2025-05-16').expect(200);
    expect(res.body).toMatchObject({ date: '2025-05-16', entries: [] });
  });

  it('answers the log status with 503', async () => {
    await app.http().get('/admin/status').set(bearer(ADMIN_TOKEN)).expect(503);
  });
});
