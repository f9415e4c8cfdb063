import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent } from '../support/fixtures';
import { bearer, startTestApp, TestApp } from '../support/test-app';

/** The value of one series in Prometheus text format, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('counts HTTP answers by route pattern, append latency by outcome, conflicts, lags and rebuilds', async () => {
    const created = (await t.http().post('/diplomatic-events').set(bearer()).send(diplomaticEvent()).expect(201)).body;
    await t
      .http()
      .post(`/diplomatic-events/${created.id}/amendments`)
      .set(bearer())
      .send({ expectedVersion: 1, changes: { title: 'Better' }, reason: 'r' })
      .expect(201);
    // The same expected version again: someone else already wrote version 2.
    await t
      .http()
      .post(`/diplomatic-events/${created.id}/amendments`)
      .set(bearer())
      .send({ expectedVersion: 1, changes: { title: 'Lost' }, reason: 'r' })
      .expect(409);
    await t.http().post('/diplomatic-events').set(bearer()).send({ title: 'no kind' }).expect(400);
    await t.http().get(`/diplomatic-events/${created.id}`).expect(200);

    const res = await t.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'dateline_http_requests_total{method="POST",route="/diplomatic-events",status="201"}')).toBe(1);
    expect(sample(text, 'dateline_http_requests_total{method="POST",route="/diplomatic-events/:id/amendments",status="409"}')).toBe(1);
    expect(sample(text, 'dateline_http_requests_total{method="GET",route="/diplomatic-events/:id",status="200"}')).toBe(1);
    expect(sample(text, 'dateline_append_conflicts_total')).toBe(1);
    expect(sample(text, 'dateline_append_duration_seconds_count{outcome="ok"}')).toBe(2);
    expect(sample(text, 'dateline_append_duration_seconds_count{outcome="conflict"}')).toBe(1);
    expect(sample(text, 'dateline_projection_lag_events')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'dateline_projection_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'dateline_rebuild_running')).toBe(0);
    expect(sample(text, 'dateline_rebuild_events{kind="processed"}')).toBe(0);
    expect(text).toContain('dateline_process_resident_memory_bytes');
    // The raw id never becomes a label: series stay bounded.
    expect(text).not.toContain(created.id);
  });
});
