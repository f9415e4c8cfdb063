import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { registerReadCache } from './read-cache.hook';
import { ReadCache } from './read-cache';

/**
 * The hook's turn-taking on a real Fastify instance, with a route whose renders the test lets
 * finish one by one: which request renders, which waits, which is given the stale answer.
 */
async function harness() {
  let position = 1;
  // Every move changes the day the route shows, as a write of a fact on it does.
  const cache = new ReadCache({ maxEntries: 10, staleMs: 60_000, changedNames: async () => new Map([['day:2025-05-16', Infinity]]) });
  const renders: { at: number; release: () => void }[] = [];
  const app = Fastify();
  registerReadCache(app, cache, async () => position);
  app.get('/timeline/:date', async (_request, reply) => {
    const at = position;
    await new Promise<void>((release) => renders.push({ at, release }));
    reply.header('surrogate-key', 'day:2025-05-16').header('content-type', 'application/json');
    return JSON.stringify({ renderedAt: at });
  });
  // Another cached route, answered at once: a read of it moves the cache, as any reader's does.
  app.get('/timeline', async () => '[]');
  await app.ready();
  const ask = (path = '/timeline/2025-05-16') => app.inject({ method: 'GET', url: path });
  const settle = () => new Promise((r) => setImmediate(r));
  return { app, ask, renders, settle, moveTo: (p: number) => (position = p) };
}

describe('read cache hook', () => {
  it('has one reader render again when a render leaves no current answer, and gives the others what it rendered as stale', async () => {
    const { app, ask, renders, settle, moveTo } = await harness();
    try {
      const first = ask();
      await settle();
      const waiters = [ask(), ask(), ask()];
      await settle();
      expect(renders).toHaveLength(1);
      // A write lands while the answer renders; another route's read moves the cache past it.
      moveTo(2);
      await ask('/timeline');
      renders[0].release();
      expect((await first).headers['x-dateline-read-cache']).toBe('miss');
      await settle();
      // One of the three renders the answer at the new position; the two others do not wait for it.
      expect(renders.map((r) => r.at)).toEqual([1, 2]);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'still waiting'>((r) => (timer = setTimeout(() => r('still waiting'), 1000)));
      const answered = await Promise.race([Promise.all(waiters.slice(1)), late]);
      clearTimeout(timer);
      if (answered === 'still waiting') throw new Error('the other readers waited for the new render');
      for (const res of answered) {
        expect(res.headers['x-dateline-read-cache']).toBe('stale');
        expect(res.json()).toEqual({ renderedAt: 1 });
      }
      renders[1].release();
      const renderer = await waiters[0];
      expect([renderer.headers['x-dateline-read-cache'], renderer.json()]).toEqual(['miss', { renderedAt: 2 }]);
      expect((await ask()).headers['x-dateline-read-cache']).toBe('hit');
    } finally {
      await app.close();
    }
  });
});
