import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { RawHttpConnection } from '../support/raw-http';
import { SseStream } from '../support/sse-client';
import { EDITOR_TOKEN, listen, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 13, part 5: a request that never finishes arriving must not hold a connection open
 * for minutes. The deadlines are short here (set through the settings); the tests assert what
 * happens after them, never how long it took.
 */
describe('request deadlines', () => {
  let t: TestApp;
  let base: string;
  let host: string;
  const open: RawHttpConnection[] = [];
  const timers: NodeJS.Timeout[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        DATELINE_REQUEST_TIMEOUT_MS: '1000',
        DATELINE_HEADERS_TIMEOUT_MS: '500',
        DATELINE_KEEP_ALIVE_TIMEOUT_MS: '500',
        DATELINE_SSE_HEARTBEAT_MS: '100',
      },
    });
    base = await listen(t);
    host = new URL(base).host;
  });
  afterEach(() => {
    for (const timer of timers.splice(0)) clearInterval(timer);
    for (const c of open.splice(0)) c.destroy();
  });
  afterAll(async () => t.close());

  const connection = async () => {
    const c = await RawHttpConnection.open(base);
    open.push(c);
    return c;
  };
  const postHead = (contentLength: number, token = EDITOR_TOKEN) =>
    `POST /diplomatic-events HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n`;

  it('answers 408 and closes the connection when a body stops arriving half-way, and records nothing', async () => {
    const head = await t.storage.store.headPosition();
    const c = await connection();
    c.send(postHead(100) + '{"title":"Half a bo');
    const answer = await c.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/"statusCode":408/);
    expect(answer).toMatch(/DATELINE_REQUEST_TIMEOUT_MS/);
    expect(await t.storage.store.headPosition()).toBe(head);
  });

  it('answers 408 and closes the connection when a body trickles in a byte a second', async () => {
    const c = await connection();
    c.send(postHead(1000));
    let sent = 0;
    timers.push(
      setInterval(() => {
        c.send('x');
        sent++;
      }, 1000),
    );
    const answer = await c.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(sent).toBeLessThan(1000);
  });

  it('answers 408 and closes the connection when the headers never end', async () => {
    const c = await connection();
    c.send(`GET /timeline HTTP/1.1\r\nHost: ${host}\r\nX-Slow: `);
    timers.push(setInterval(() => c.send('a'), 100));
    expect(await c.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection after its answer', async () => {
    const c = await connection();
    c.send(`GET /health/live HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
    await c.until(/^HTTP\/1\.1 200 [\s\S]*\r\n\r\n/);
    // Nothing more is sent; the server ends the connection by itself.
    const all = await c.closed;
    expect(all.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  it('does not cut a live stream: it outlives the request deadline, heartbeat after heartbeat', async () => {
    const s = await SseStream.open(`${base}/timeline/stream`);
    try {
      // 100 ms heartbeats: 20 of them span twice the 1000 ms request deadline and more.
      for (let i = 0; i < 20; i++) await s.next((f) => f.comments.includes('heartbeat'));
    } finally {
      s.close();
    }
  });

  it('refuses a write with a wrong token at once with 401, without waiting for its 1 MB body', async () => {
    const head = await t.storage.store.headPosition();
    const c = await connection();
    c.send(postHead(1_048_576, 'not-a-token'));
    const answer = await c.until(/\r\n\r\n[\s\S]*\}/);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toMatch(/"message":"unknown bearer token; the tokens are the ones configured on the service in DATELINE_EDITOR_TOKENS/);
    // Refused after the onRequest hooks: it carries the request id and the security headers.
    expect(answer).toMatch(/\r\nx-request-id: /i);
    expect(answer).toMatch(/\r\nx-content-type-options: nosniff/i);
    expect(await t.storage.store.headPosition()).toBe(head);
  });

  it('refuses a write without a token at once with 401, before its body', async () => {
    const c = await connection();
    c.send(`POST /stories HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n`);
    const answer = await c.until(/\r\n\r\n[\s\S]*\}/);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toMatch(/missing bearer token/);
  });
});
