import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { registerReadCache } from './read-cache.hook';
import { ReadCache } from './read-cache';

/** Every move changes the day the route shows, as a write of a fact on it does. */
const EVERY_MOVE_CHANGES = new Map([['day:2025-05-16', Infinity]]);

/** Settles as `answer` does, or resolves 'still waiting' after `ms`. */
async function within<T>(answer: Promise<T>, ms: number): Promise<T | 'still waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still waiting'>((r) => (timer = setTimeout(() => r('still waiting'), ms)));
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The hook's turn-taking on a real Fastify instance, with a route whose renders the test lets
 * finish one by one: which request renders, which waits, which is given the stale answer.
 */
async function harness(changedNames: () => Promise<Map<string, number>> = async () => EVERY_MOVE_CHANGES) {
  let position = 1;
  const cache = new ReadCache({ maxEntries: 10, staleMs: 60_000, changedNames });
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

  it('has the first reader after a commit wait for what it changed, and gives those who come meanwhile the answer kept a commit ago as stale', async () => {
    // The question "what did this move change?" answers only when the test says.
    const questions: (() => void)[] = [];
    const { app, ask, renders, settle, moveTo } = await harness(
      () => new Promise((resolve) => questions.push(() => resolve(EVERY_MOVE_CHANGES))),
    );
    try {
      const first = ask();
      await settle();
      renders[0].release();
      expect((await first).headers['x-dateline-read-cache']).toBe('miss');
      expect((await ask()).headers['x-dateline-read-cache']).toBe('hit');

      // A commit: its first reader asks what it changed, and waits, so a lone reader sees it at once.
      moveTo(2);
      const firstAfter = ask();
      await settle();
      expect(questions).toHaveLength(1);
      expect(await within(firstAfter, 100)).toBe('still waiting');

      // Meanwhile: the kept answer, as stale, without waiting; one question however many come.
      const meanwhile = await within(ask(), 1000);
      if (meanwhile === 'still waiting') throw new Error('a reader with an answer kept waited for the move');
      expect(meanwhile.headers['x-dateline-read-cache']).toBe('stale');
      expect(meanwhile.headers['cache-control']).toBe('no-cache');
      expect(meanwhile.json()).toEqual({ renderedAt: 1 });
      expect(questions).toHaveLength(1);
      // A URL with nothing kept waits for the answer.
      const nothingKept = ask('/timeline');
      expect(await within(nothingKept, 100)).toBe('still waiting');

      questions[0]();
      expect((await nothingKept).headers['x-dateline-read-cache']).toBe('miss');
      // The move dropped the day: the first reader renders it at the new position.
      await settle();
      expect(renders.map((r) => r.at)).toEqual([1, 2]);
      renders[1].release();
      const rendered = await firstAfter;
      expect([rendered.headers['x-dateline-read-cache'], rendered.json()]).toEqual(['miss', { renderedAt: 2 }]);
    } finally {
      await app.close();
    }
  });

  it('gives a reader whose render would queue behind another the answer it replaces, and renders it in the background', async () => {
    const { app, ask, renders, settle, moveTo } = await harness();
    const [day, nextDay] = ['/timeline/2025-05-16', '/timeline/2025-05-17'];
    try {
      for (const [i, path] of [day, nextDay].entries()) {
        const answer = ask(path);
        await settle();
        renders[i].release();
        expect((await answer).headers['x-dateline-read-cache']).toBe('miss');
      }
      // A commit changes both days. The first reader after it renders the day and waits for it.
      moveTo(2);
      const dayReader = ask(day);
      await settle();
      expect(renders).toHaveLength(3);
      expect(await within(dayReader, 100)).toBe('still waiting');

      // The next day's reader comes while the day renders: the answer kept, at once, and its render starts.
      const nextDayReader = await within(ask(nextDay), 1000);
      if (nextDayReader === 'still waiting') throw new Error('the reader waited for a render while another was under way');
      expect(nextDayReader.headers['x-dateline-read-cache']).toBe('stale');
      expect(nextDayReader.json()).toEqual({ renderedAt: 1 });
      await settle();
      expect(renders.map((r) => r.at)).toEqual([1, 1, 2, 2]);
      // A client cannot pass as that render: with a header of its own making it is one more reader.
      const forged = await within(
        app.inject({ method: 'GET', url: nextDay, headers: { 'x-dateline-background-render': 'guess 1' } }),
        1000,
      );
      if (forged === 'still waiting') throw new Error('a forged background render was let render');
      expect(forged.headers['x-dateline-read-cache']).toBe('stale');
      expect(renders).toHaveLength(4);

      // The render in the background is kept: the next reader of the next day gets it from the cache.
      renders[3].release();
      await settle();
      const after = await ask(nextDay);
      expect([after.headers['x-dateline-read-cache'], after.json()]).toEqual(['hit', { renderedAt: 2 }]);
      renders[2].release();
      const rendered = await dayReader;
      expect([rendered.headers['x-dateline-read-cache'], rendered.json()]).toEqual(['miss', { renderedAt: 2 }]);
    } finally {
      await app.close();
    }
  });
});
