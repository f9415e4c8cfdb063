import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent } from '../support/fixtures';
import { bearer, EDITOR_TOKEN, startTestApp, TestApp } from '../support/test-app';

describe('structured logs', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  let raw = '';
  beforeAll(async () => {
    t = await startTestApp({
      logStream: {
        write(chunk: string) {
          raw += chunk;
          for (const line of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        },
      },
    });
  });
  afterAll(async () => t.close());

  it('logs each request as JSON with its request id, echoed as X-Request-Id, and never the token', async () => {
    const res = await t
      .http()
      .post('/diplomatic-events')
      .set(bearer())
      .set('X-Request-Id', 'editor-desk-42')
      .send(diplomaticEvent())
      .expect(201);
    expect(res.headers['x-request-id']).toBe('editor-desk-42');
    const made = await t.http().get('/health/live').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A value that is not an id is replaced, not echoed.
    const hostile = await t.http().get('/health/live').set('X-Request-Id', 'a b\tc').expect(200);
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const mine = lines.filter((l) => l.requestId === 'editor-desk-42');
    // One access-log line per request at info; the arrival line is debug only.
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'POST', url: '/diplomatic-events' },
      res: { statusCode: 201 },
    });
    expect(mine[0].responseTime).toEqual(expect.any(Number));
    expect(lines.some((l) => l.requestId === made.headers['x-request-id'])).toBe(true);
    expect(raw).not.toContain(EDITOR_TOKEN);
    expect(raw.toLowerCase()).not.toContain('authorization');
  });
});
