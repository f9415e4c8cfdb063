import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { diplomaticEvent, onDay } from '../support/fixtures';
import { SseStream } from '../support/sse-client';
import { created, listen, startTestApp, TestApp } from '../support/test-app';

interface EntryChange {
  position: number;
  domId: string;
  dayHeading: string;
  entry: { id: string; version: number; title: string; date: string };
  html: string;
}

describe('GET /timeline/stream (Server-Sent Events)', () => {
  let t: TestApp;
  let base: string;
  const open: SseStream[] = [];

  beforeAll(async () => {
    t = await startTestApp({ sseHeartbeatMs: 200 });
    base = await listen(t);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(async () => t.close());

  const post = (path: string, body: unknown) => created(t, path, body);
  const connect = async (query = '', headers: Record<string, string> = {}) => {
    const s = await SseStream.open(`${base}/timeline/stream${query}`, headers);
    open.push(s);
    return s;
  };

  it('answers an event stream that starts with a retry hint and a comment', async () => {
    const s = await connect();
    expect(s.response.status).toBe(200);
    expect(s.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.response.headers.get('cache-control')).toMatch(/no-cache/);
    const first = await s.next(() => true);
    expect(first.retry).toBe('2000');
    expect(first.comments[0]).toMatch(/^streaming changes after position \d+$/);
  });

  it('pushes an entry recorded after the client connected, with its position as the event id and its page markup', async () => {
    const s = await connect();
    await s.next((f) => f.retry !== undefined);
    const written = await post('/diplomatic-events', diplomaticEvent({ title: 'Pushed <live> entry', when: onDay('2018-04-04') }));
    const frame = await s.next((f) => f.event === 'entry' && f.data!.includes(written.id));
    expect(frame.id).toBe(String(written.position));
    const change = JSON.parse(frame.data!) as EntryChange;
    expect(change).toMatchObject({
      position: written.position,
      domId: `event-${written.id}`,
      dayHeading: 'Wednesday 4 April 2018',
      entry: { id: written.id, version: 1, title: 'Pushed <live> entry', date: '2018-04-04' },
    });
    expect(change.html).toMatch(new RegExp(`^<li class="entry entry--fact" id="event-${written.id}"`));
    // The page's script puts it in its day's own facts (its heading's section), not among story updates.
    expect(change).toMatchObject({ list: 'facts', section: { key: '2018-04-04|0|' } });
    expect(change.html).toContain('Pushed &lt;live&gt; entry');
    expect(frame.raw.split('\n').filter((l) => l.startsWith('data: '))).toHaveLength(1);
  });

  it('pushes amendments as new versions, and retractions as retracted', async () => {
    const s = await connect();
    await s.next((f) => f.retry !== undefined);
    const created = await post('/diplomatic-events', diplomaticEvent({ title: 'To be amended', when: onDay('2018-05-05') }));
    await s.next((f) => f.id === String(created.position));
    const amended = await post(`/diplomatic-events/${created.id}/amendments`, {
      expectedVersion: 1,
      changes: { title: 'Amended' },
      reason: 'fix',
    });
    const amendment = JSON.parse((await s.next((f) => f.id === String(amended.position))).data!) as EntryChange;
    expect(amendment.entry).toMatchObject({ id: created.id, version: 2, title: 'Amended' });
    const retracted = await post(`/diplomatic-events/${created.id}/retraction`, { expectedVersion: 2, reason: 'wrong' });
    const retraction = await s.next((f) => f.id === String(retracted.position));
    expect(retraction.event).toBe('retracted');
    expect(JSON.parse(retraction.data!)).toEqual({
      position: retracted.position,
      id: created.id,
      version: 3,
      domId: `event-${created.id}`,
    });
  });

  it('a reconnect with Last-Event-ID gets every change after it, in log order, and nothing before', async () => {
    const before = await post('/diplomatic-events', diplomaticEvent({ title: 'Before the gap', when: onDay('2018-06-06') }));
    const missed1 = await post('/diplomatic-events', diplomaticEvent({ title: 'Missed one', when: onDay('2018-06-07') }));
    const missed2 = await post('/diplomatic-events', diplomaticEvent({ title: 'Missed two', when: onDay('2018-06-08') }));
    const s = await connect('?since=0', { 'Last-Event-ID': String(before.position) });
    const first = await s.next((f) => f.event === 'entry');
    const second = await s.next((f) => f.event === 'entry');
    expect([first.id, second.id]).toEqual([String(missed1.position), String(missed2.position)]);
    expect(s.frames.some((f) => f.data?.includes(before.id))).toBe(false);
  });

  it('since= (the position a page was rendered at) resumes the same way', async () => {
    const seen = await post('/diplomatic-events', diplomaticEvent({ title: 'Seen', when: onDay('2018-07-07') }));
    const unseen = await post('/diplomatic-events', diplomaticEvent({ title: 'Unseen', when: onDay('2018-07-08') }));
    const s = await connect(`?since=${seen.position}`);
    const frame = await s.next((f) => f.event === 'entry');
    expect(frame.id).toBe(String(unseen.position));
  });

  it('sends heartbeat comments while idle', async () => {
    const s = await connect();
    const beat = await s.next((f) => f.comments.includes('heartbeat'));
    expect(beat.raw).toBe(': heartbeat');
    expect(beat.data).toBeUndefined();
  });

  it('reaches each of 120 streams with every write, in log order', async () => {
    // One shared query per commit for all of them (shared-change-frames.ts), written to each in turn.
    const streams = await Promise.all(Array.from({ length: 120 }, () => connect()));
    await Promise.all(streams.map((s) => s.next((f) => f.retry !== undefined)));
    const writes = [];
    for (const day of ['2018-08-01', '2018-08-02', '2018-08-03'])
      writes.push(await post('/diplomatic-events', diplomaticEvent({ title: `Fan-out ${day}`, when: onDay(day) })));
    const last = String(writes[writes.length - 1].position);
    for (const s of streams) {
      await s.next((f) => f.id === last);
      const ids = s.frames.filter((f) => f.event === 'entry').map((f) => f.id);
      expect(ids).toEqual(writes.map((w) => String(w.position)));
    }
  });

  it('refuses a Last-Event-ID or since that is not a position', async () => {
    const badHeader = await fetch(`${base}/timeline/stream`, { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(badHeader.status).toBe(400);
    expect(((await badHeader.json()) as { message: string[] }).message).toEqual([
      'Last-Event-ID must be a log position (a non-negative integer)',
    ]);
    const badSince = await fetch(`${base}/timeline/stream?since=-4`);
    expect(badSince.status).toBe(400);
    expect(((await badSince.json()) as { message: string[] }).message.join()).toMatch(/since must be a log position/);
  });
});

describe('GET /timeline/stream: the cap on open streams (DATELINE_SSE_MAX_STREAMS)', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_SSE_MAX_STREAMS: '2' } });
    base = await listen(t);
  });
  afterAll(async () => t.close());

  it('answers 503 with Retry-After beyond the cap, counts it, and takes a stream again once one closes', async () => {
    const first = await SseStream.open(`${base}/timeline/stream`);
    const second = await SseStream.open(`${base}/timeline/stream`);
    try {
      await first.next((f) => f.retry !== undefined);
      await second.next((f) => f.retry !== undefined);
      const refused = await fetch(`${base}/timeline/stream`, { headers: { Accept: 'text/event-stream' } });
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await refused.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'too many live streams open (at most 2); retry after the time in Retry-After',
      });
      const metrics = (await t.http().get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/^dateline_sse_streams_open 2$/m);
      expect(metrics).toMatch(/^dateline_sse_streams_refused_total 1$/m);
    } finally {
      first.close();
    }
    // The service sees the close when the socket does: retry until the place is free.
    let third: SseStream | undefined;
    while (!third) {
      const s = await SseStream.open(`${base}/timeline/stream`);
      if (s.response.status === 200) third = s;
      else s.close();
    }
    expect((await third.next((f) => f.retry !== undefined)).retry).toBe('2000');
    third.close();
    second.close();
  });
});
