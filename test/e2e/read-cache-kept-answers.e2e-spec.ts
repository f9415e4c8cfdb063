import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays } from '@dateline/domain';
import type { EventStore } from '@dateline/event-store';
import { EVENT_STORE } from '../../apps/service/src/storage/storage.tokens';
import { RandomHistory } from '../support/random-history';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The read cache keeps answers across writes that do not touch what they show (ADR 0006). Here
 * a random newsroom history (facts placed, amended to other days, related, retracted; stories
 * created and revised) is written one event at a time, and after each, every public read is
 * asked twice: through the cache, and past it (`minPosition` is never served from the cache),
 * the reads `asOf` instants the history passed among them.
 * A kept answer that a write should have dropped shows as a difference.
 */
describe('read cache: answers kept across writes', () => {
  let t: TestApp;
  let history: RandomHistory;
  beforeAll(async () => {
    t = await startTestApp();
    history = new RandomHistory(t.app.get<EventStore>(EVENT_STORE));
  });
  afterAll(async () => t.close());

  // The history's facts sit on 1 to 8 February 2024, its revisions are published from the 10th on.
  const days = Array.from({ length: 14 }, (_, i) => addDays('2024-01-31', i));
  const json = { Accept: 'application/json' };
  const html = { Accept: 'text/html' };
  // Instants for `asOf` views (below).
  const instants: string[] = [];
  const asOfReads = (asOf: string) => [
    ...days.slice(1, 9).map((d) => ({ path: `/timeline/${d}?asOf=${asOf}`, headers: json })),
    { path: `/timeline?from=2024-01-31&to=2024-02-13&asOf=${asOf}`, headers: json },
    { path: `/timeline/export/timelinejs?from=2024-01-31&to=2024-02-13&asOf=${asOf}`, headers: json },
    { path: `/?from=2024-01-31&to=2024-02-13&asOf=${asOf}`, headers: html },
  ];
  const reads = (): { path: string; headers: Record<string, string> }[] => [
    ...days.map((d) => ({ path: `/timeline/${d}`, headers: json })),
    { path: '/timeline?from=2024-01-31&to=2024-02-13', headers: json },
    { path: '/timeline/export/timelinejs?from=2024-01-31&to=2024-02-13', headers: json },
    { path: '/?from=2024-01-31&to=2024-02-13', headers: html },
    ...instants.flatMap(asOfReads),
    ...history.storyIds.flatMap((id) => [
      { path: `/stories/${id}`, headers: json },
      { path: `/stories/${id}`, headers: html },
      { path: `/stories/${id}/revisions`, headers: json },
    ]),
    ...history.eventIds.map((id) => ({ path: `/diplomatic-events/${id}`, headers: json })),
  ];

  it('answers from the cache exactly what the read models answer, write after write', async () => {
    let kept = 0;
    for (let round = 0; round < 60; round++) {
      // One instant passed, and one a few seconds ahead: the writes until then are in its view,
      // as a write stamped before an instant and committed after it is, and must drop it.
      if (round === 15) instants.push(new Date().toISOString());
      if (round === 25) instants.push(new Date(Date.now() + 3000).toISOString());
      await history.writeOne();
      // Caught up: the answer past the cache waits for the position the write reached.
      await t.http().get(`/timeline/2024-02-01?minPosition=${history.lastPosition}`).expect(200);
      for (const read of reads()) {
        const cached = await t.http().get(read.path).set(read.headers);
        const past = await t
          .http()
          .get(`${read.path}${read.path.includes('?') ? '&' : '?'}minPosition=0`)
          .set(read.headers);
        expect(past.headers['x-dateline-read-cache']).toBeUndefined();
        expect({ path: read.path, accept: read.headers.Accept, status: cached.status, body: comparable(cached.text) }).toEqual({
          path: read.path,
          accept: read.headers.Accept,
          status: past.status,
          body: comparable(past.text),
        });
        if (cached.headers['x-dateline-read-cache'] === 'hit') kept++;
      }
    }
    // Kept across writes: every read above was cached on the round before, so a hit is an answer a write left alone.
    expect(kept).toBeGreaterThan(100);
  });
});

/**
 * An answer without what names its own URL (the reader page's links keep the query it was asked
 * with), and without its position (`position` in JSON, the page's `data-position` and the live
 * updates' `data-live-since`): a kept answer says the position it was computed at, which it still
 * reflects (ADR 0006); the rest must be the same bytes.
 */
const comparable = (text: string) =>
  text
    .replace(/[?&](amp;)?minPosition=0/g, '')
    .replace(/"position":\d+/g, '"position":"…"')
    .replace(/data-(position|live-since)="\d+"/g, 'data-$1="…"');
