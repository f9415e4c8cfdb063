import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent } from '../support/fixtures';
import { ADMIN_TOKEN, bearer, startTestApp, TestApp } from '../support/test-app';

describe('HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_WRITE_RATE_LIMIT: '3', DATELINE_CORS_ORIGINS: 'https://newsroom.example' } });
  });
  afterAll(async () => t.close());

  it('sends security headers on every answer', async () => {
    const res = await t.http().get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS only for the configured origins', async () => {
    const allowed = await t
      .http()
      .options('/diplomatic-events')
      .set('Origin', 'https://newsroom.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(allowed.status).toBeLessThan(300);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://newsroom.example');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/i);
    const other = await t.http().get('/health/live').set('Origin', 'https://elsewhere.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits writes per editor token with 429 and Retry-After, changes nothing, and leaves reads and other editors alone', async () => {
    for (let i = 0; i < 3; i++)
      await t
        .http()
        .post('/diplomatic-events')
        .set(bearer())
        .send(diplomaticEvent({ title: `Within budget ${i}` }))
        .expect(201);
    const head = await t.storage.store.headPosition();
    const refused = await t
      .http()
      .post('/diplomatic-events')
      .set(bearer())
      .send(diplomaticEvent({ title: 'Over budget' }))
      .expect(429);
    expect(refused.body.message).toMatch(/at most 3 per minute per editor/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.storage.store.headPosition()).toBe(head);
    await t.http().get('/timeline/2024-03-05').expect(200);
    // The admin token has a budget of its own.
    await t
      .http()
      .post('/diplomatic-events')
      .set(bearer(ADMIN_TOKEN))
      .send(diplomaticEvent({ title: 'Admin writes' }))
      .expect(201);
  });
});
