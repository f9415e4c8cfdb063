import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

describe('health probes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('live answers 200 while the process runs', async () => {
    expect((await t.http().get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
  });

  it('ready reports the store, the read models, the projections lag and Kafka (off here)', async () => {
    const written = (await t.http().post('/diplomatic-events').set(bearer()).send(diplomaticEvent()).expect(201)).body;
    await t.http().get(`/diplomatic-events/${written.id}?minPosition=${written.position}`).expect(200);
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details).toMatchObject({
      eventStore: { status: 'up', head: written.position },
      readModels: { status: 'up', driver: 'pglite' },
      projections: { status: 'up', position: written.position, lagEvents: 0, degraded: false, role: 'leader' },
      kafka: { status: 'up', relay: 'KAFKA_BROKERS is not set', degraded: false },
    });
  });
});

describe('health probes with an unreachable broker', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Nothing listens on port 1: the relay can never connect.
    t = await startTestApp({ env: { KAFKA_BROKERS: '127.0.0.1:1' } });
  });
  afterAll(async () => t.close());

  it('ready stays 200 (the log is the outbox: writes go on) and reports Kafka as degraded with its lag', async () => {
    await t.http().post('/diplomatic-events').set(bearer()).send(diplomaticEvent()).expect(201);
    const res = await t.http().get('/health/ready').expect(200);
    expect(res.body.details.kafka).toMatchObject({ status: 'up', connected: false, degraded: true });
    expect(res.body.details.kafka.lagEvents).toBeGreaterThan(0);
    expect(res.body.details.eventStore.status).toBe('up');
    expect((await t.http().get('/health/live').expect(200)).body.status).toBe('ok');
  });
});
