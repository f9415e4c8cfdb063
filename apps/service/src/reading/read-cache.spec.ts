import { describe, expect, it } from '@jest/globals';
import { ReadCache } from './read-cache';

const answer = (body: string) => ({ body: Buffer.from(body), headers: { 'content-type': 'application/json' } });

/**
 * What changed between two positions, as a table: the purge's question answered from a list.
 * `name@ms` says when the change was recorded; a name alone changed only the stored order (Infinity).
 */
function changes(byPosition: Record<number, string[]>) {
  const asked: [number, number][] = [];
  const changedNames = async (after: number, upTo: number) => {
    asked.push([after, upTo]);
    const out = new Map<string, number>();
    for (const [p, names] of Object.entries(byPosition)) {
      if (Number(p) <= after || Number(p) > upTo) continue;
      for (const n of names) {
        const [name, at] = n.split('@');
        out.set(name, Math.min(out.get(name) ?? Infinity, at === undefined ? Infinity : Number(at)));
      }
    }
    return out;
  };
  return { asked, changedNames };
}

describe('ReadCache', () => {
  it('keeps an answer across a move that changed nothing it shows, and drops one that shows what changed', async () => {
    const { asked, changedNames } = changes({ 8: ['day:2025-05-16', 'story:s1', 'timeline'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames });
    await cache.moveTo(7);
    cache.set('/timeline/2025-05-16', 7, answer('16'), { shows: ['day:2025-05-16'] });
    cache.set('/timeline/2025-05-17', 7, answer('17'), { shows: ['day:2025-05-17'] });
    cache.set('/stories/s2', 7, answer('s2'), { shows: ['story:s2'] });
    cache.set('/', 7, answer('page'), { shows: ['timeline', 'day:2025-05-17'] });
    await cache.moveTo(8);
    expect(asked).toEqual([[7, 8]]);
    expect(cache.get('/timeline/2025-05-16', 8)).toBeUndefined();
    expect(cache.get('/', 8)).toBeUndefined();
    expect(cache.get('/timeline/2025-05-17', 8)?.body.toString()).toBe('17');
    expect(cache.get('/stories/s2', 8)?.body.toString()).toBe('s2');
  });

  it('keeps an asOf view across changes recorded after its instant, and drops it for one recorded at or before it', async () => {
    const { changedNames } = changes({ 5: ['day:2025-05-16@2000', 'timeline@2000'], 6: ['day:2025-05-16@1000', 'timeline@1000'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames });
    await cache.moveTo(4);
    cache.set('/16?asOf=1500', 4, answer('then'), { shows: ['day:2025-05-16', 'timeline'], asOf: 1500 });
    cache.set('/16', 4, answer('now'), { shows: ['day:2025-05-16'] });
    await cache.moveTo(5); // a write recorded at 2000: not in the view of 1500
    expect([cache.get('/16?asOf=1500', 5)?.body.toString(), cache.get('/16', 5)]).toEqual(['then', undefined]);
    // A write stamped at 1000 that committed only now: in the view of 1500.
    await cache.moveTo(6);
    expect(cache.get('/16?asOf=1500', 6)).toBeUndefined();
  });

  it('keeps an asOf view when only the stored order of a heading changed: no asOf view reads it', async () => {
    const { changedNames } = changes({ 5: ['day:2025-05-16'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames });
    await cache.moveTo(4);
    cache.set('/16?asOf=1500', 4, answer('then'), { shows: ['day:2025-05-16'], asOf: 1500 });
    cache.set('/16', 4, answer('now'), { shows: ['day:2025-05-16'] });
    await cache.moveTo(5);
    expect([cache.get('/16?asOf=1500', 5)?.body.toString(), cache.get('/16', 5)]).toEqual(['then', undefined]);
  });

  it('drops at every move an answer that does not say what it shows', async () => {
    const cache = new ReadCache({ maxEntries: 10, changedNames: changes({}).changedNames });
    await cache.moveTo(1);
    cache.set('/a', 1, answer('a'));
    await cache.moveTo(2);
    expect(cache.get('/a', 2)).toBeUndefined();
  });

  it('drops everything when it cannot learn what changed, or is not told how', async () => {
    const failing = new ReadCache({ maxEntries: 10, changedNames: () => Promise.reject(new Error('connection lost')) });
    const untold = new ReadCache({ maxEntries: 10 });
    for (const cache of [failing, untold]) {
      await cache.moveTo(1);
      cache.set('/a', 1, answer('a'), { shows: ['day:2025-05-16'] });
      await cache.moveTo(2);
      expect(cache.get('/a', 2)).toBeUndefined();
    }
  });

  it('drops everything when too much changed to name', async () => {
    const cache = new ReadCache({ maxEntries: 10, changedNames: async () => undefined });
    await cache.moveTo(1);
    cache.set('/a', 1, answer('a'), { shows: ['day:2025-05-16'] });
    await cache.moveTo(2);
    expect(cache.get('/a', 2)).toBeUndefined();
  });

  it('answers nothing for a position it has not moved to, and keeps no answer computed before a change it shows', async () => {
    const cache = new ReadCache({ maxEntries: 10, changedNames: changes({ 4: ['timeline'] }).changedNames });
    await cache.moveTo(3);
    cache.set('/a', 3, answer('a'), { shows: ['day:2025-05-16'] });
    expect(cache.get('/a', 4)).toBeUndefined(); // not moved to 4 yet: changes up to 4 are not checked
    // A request started at 3 finishes after another moved the cache to 4 on a change it shows: its answer is not kept.
    await cache.moveTo(4);
    cache.set('/b', 3, answer('b'), { shows: ['day:2025-05-17', 'timeline'] });
    expect(cache.get('/b', 4)).toBeUndefined();
    // A request that read an older position may have the newer answer.
    expect(cache.get('/a', 3)?.body.toString()).toBe('a');
    // Moving back does nothing.
    await cache.moveTo(2);
    expect(cache.get('/a', 4)?.body.toString()).toBe('a');
  });

  it('keeps an answer computed before a move that changed nothing it shows, and only then', async () => {
    const { changedNames } = changes({ 5: ['day:2025-05-16', 'timeline'], 6: ['day:2025-05-18'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames });
    await cache.moveTo(4);
    // Requests start at 4; the read models move twice before their answers are ready.
    await cache.moveTo(5);
    await cache.moveTo(6);
    cache.set('/17', 4, answer('17'), { shows: ['day:2025-05-17'] });
    cache.set('/16', 4, answer('16'), { shows: ['day:2025-05-16'] });
    cache.set('/18', 5, answer('18'), { shows: ['day:2025-05-18'] });
    cache.set('/unnamed', 5, answer('?'));
    expect(cache.get('/17', 6)?.body.toString()).toBe('17');
    expect([cache.get('/16', 6), cache.get('/18', 6), cache.get('/unnamed', 6)]).toEqual([undefined, undefined, undefined]);
  });

  it('keeps no answer computed before more moves than it remembers', async () => {
    const cache = new ReadCache({ maxEntries: 10, changedNames: changes({}).changedNames });
    await cache.moveTo(1);
    for (let p = 2; p <= 100; p++) await cache.moveTo(p);
    cache.set('/old', 1, answer('old'), { shows: ['day:2025-05-17'] });
    cache.set('/recent', 90, answer('recent'), { shows: ['day:2025-05-17'] });
    expect(cache.get('/old', 100)).toBeUndefined();
    expect(cache.get('/recent', 100)?.body.toString()).toBe('recent');
  });

  it('asks once for moves that requests make at the same time', async () => {
    const { asked, changedNames } = changes({});
    const cache = new ReadCache({ maxEntries: 10, changedNames });
    await cache.moveTo(1);
    cache.set('/a', 1, answer('a'), { shows: ['day:2025-05-16'] });
    await Promise.all([cache.moveTo(5), cache.moveTo(5), cache.moveTo(4)]);
    expect(asked).toEqual([[1, 5]]);
    expect(cache.get('/a', 5)?.body.toString()).toBe('a');
  });

  it('evicts the oldest answers beyond its entry and byte limits', async () => {
    const cache = new ReadCache({ maxEntries: 2, maxBytes: 1600 });
    await cache.moveTo(1);
    cache.set('/1', 1, answer('x'.repeat(90)));
    cache.set('/2', 1, answer('y'.repeat(90)));
    cache.set('/3', 1, answer('z'.repeat(90)));
    expect([cache.get('/1', 1), cache.get('/2', 1)?.body.length, cache.get('/3', 1)?.body.length]).toEqual([undefined, 90, 90]);
    // One answer over a sixteenth of the bytes is not kept at all.
    cache.set('/big', 1, answer('b'.repeat(101)));
    expect(cache.get('/big', 1)).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('answers nothing older than its maximum age, at any position', async () => {
    let now = 1_000;
    const cache = new ReadCache({ maxEntries: 10, maxAgeMs: 5000, now: () => now });
    await cache.moveTo(1);
    cache.set('/', 1, answer('x'));
    now += 5000;
    expect(cache.get('/', 1)?.body.toString()).toBe('x');
    now += 1;
    expect(cache.get('/', 1)).toBeUndefined();
    cache.set('/', 1, answer('y'));
    expect(cache.get('/', 1)?.body.toString()).toBe('y');
  });

  it('keeps nothing when it has no entries (DATELINE_READ_CACHE_ENTRIES=0)', async () => {
    const cache = new ReadCache({ maxEntries: 0 });
    expect(cache.enabled).toBe(false);
    await cache.moveTo(1);
    cache.set('/', 1, answer('x'));
    expect(cache.get('/', 1)).toBeUndefined();
  });

  it('keeps an answer a move dropped as stale for staleMs, until a new answer replaces it', async () => {
    let now = 0;
    const { changedNames } = changes({ 8: ['story:s1'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames, staleMs: 1000, now: () => now });
    await cache.moveTo(7);
    const old = { body: Buffer.from('old'), headers: { etag: '"at-7"' } };
    cache.set('/stories/s1', 7, old, { shows: ['story:s1'] });
    cache.set('/stories/s2', 7, answer('s2'), { shows: ['story:s2'] });
    expect(cache.stale('/stories/s1')).toBeUndefined(); // not dropped: nothing stale yet
    await cache.moveTo(8);
    expect(cache.get('/stories/s1', 8)).toBeUndefined();
    // Its own headers, the ETag of the position it was computed at.
    expect(cache.stale('/stories/s1')).toMatchObject({ body: Buffer.from('old'), headers: { etag: '"at-7"' } });
    expect(cache.stale('/stories/s2')).toBeUndefined();
    now = 1001;
    expect(cache.stale('/stories/s1')).toBeUndefined();
    now = 500;
    cache.set('/stories/s1', 8, answer('new'), { shows: ['story:s1'] });
    expect(cache.stale('/stories/s1')).toBeUndefined();
  });

  it('counts stale answers in its bytes, and lets them go first', async () => {
    const { changedNames } = changes({ 2: ['a'] });
    const cache = new ReadCache({ maxEntries: 100, maxBytes: 16 * 10, changedNames });
    await cache.moveTo(1);
    cache.set('/a', 1, answer('a'.repeat(10)), { shows: ['a'] });
    await cache.moveTo(2);
    expect(cache.stale('/a')).toBeDefined();
    // Ten more bytes than fit with the stale answer: it goes, the fresh ones stay.
    for (let i = 0; i < 16; i++) cache.set(`/b${i}`, 2, answer('b'.repeat(10)), { shows: ['b'] });
    expect(cache.stale('/a')).toBeUndefined();
    expect(cache.get('/b0', 2)).toBeDefined();
  });

  it('adds gzip bytes only to the answer they were made from, counts them, and drops them with it', async () => {
    const cache = new ReadCache({ maxEntries: 100, maxBytes: 3200, staleMs: 0 });
    await cache.moveTo(1);
    const first = answer('x'.repeat(60));
    cache.set('/a', 1, first);
    // Replaced while compressing: the bytes of the old answer are not the new one's.
    cache.set('/a', 1, answer('y'.repeat(60)));
    expect(cache.attachGzip('/a', first.body, Buffer.from('gz-of-x'))).toBe(false);
    expect(cache.get('/a', 1)?.gzip).toBeUndefined();
    const current = cache.get('/a', 1)!;
    expect(cache.attachGzip('/a', current.body, Buffer.from('g'.repeat(40)))).toBe(true);
    expect(cache.get('/a', 1)?.gzipping).toBeUndefined();
    expect(cache.get('/a', 1)?.gzip?.toString()).toBe('g'.repeat(40));
    // Once only, and never for an answer no longer kept.
    expect(cache.attachGzip('/a', current.body, Buffer.from('again'))).toBe(false);
    expect(cache.attachGzip('/gone', current.body, Buffer.from('z'))).toBe(false);
    // /a holds 100 of the 3,200 bytes (60 plain + 40 gzip): 31 answers of 101 bytes (3,131) fit beside its plain bytes, not beside both.
    for (let i = 0; i < 31; i++) cache.set(`/b${i}`, 1, answer('b'.repeat(101)));
    expect(cache.get('/a', 1)).toBeUndefined();
    expect(cache.get('/b0', 1)).toBeDefined();
  });

  it('marks an answer done compressing when its gzip bytes were not worth keeping', async () => {
    const cache = new ReadCache({ maxEntries: 10 });
    await cache.moveTo(1);
    const body = Buffer.from('{"a":1}');
    cache.set('/a', 1, { body, headers: {}, gzipping: Promise.resolve(undefined) });
    expect(cache.get('/a', 1)?.gzipping).toBeDefined();
    expect(cache.attachGzip('/a', body, undefined)).toBe(false);
    expect(cache.get('/a', 1)?.gzipping).toBeUndefined();
    expect(cache.get('/a', 1)?.gzip).toBeUndefined();
    expect(cache.get('/a', 1)?.body).toBe(body);
  });
  it('keeps an answer rendered while a write changed what it shows as the stale answer, stale since its render began', async () => {
    let now = 0;
    const { changedNames } = changes({ 8: ['story:s1'], 9: ['story:s1'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames, staleMs: 1000, now: () => now });
    await cache.moveTo(7);
    now = 100;
    await cache.moveTo(8);
    // Rendered from position 7, begun at 50: not current at 8, stale since 50 at the latest.
    cache.set('/stories/s1', 7, answer('rendered at 7'), { shows: ['story:s1'] }, 50);
    expect(cache.get('/stories/s1', 8)).toBeUndefined();
    expect(cache.stale('/stories/s1')?.body.toString()).toBe('rendered at 7');
    // An older render finishing later does not replace it; a newer one does.
    cache.set('/stories/s1', 7, answer('older'), { shows: ['story:s1'] }, 40);
    expect(cache.stale('/stories/s1')?.body.toString()).toBe('rendered at 7');
    now = 200;
    await cache.moveTo(9);
    cache.set('/stories/s1', 8, answer('rendered at 8'), { shows: ['story:s1'] }, 150);
    expect(cache.stale('/stories/s1')?.body.toString()).toBe('rendered at 8');
    // Served for staleMs from its render's start, not from when it was kept.
    now = 1150;
    expect(cache.stale('/stories/s1')).toBeDefined();
    now = 1151;
    expect(cache.stale('/stories/s1')).toBeUndefined();
    // Too old to serve by the time it is done: not kept at all.
    cache.set('/stories/s1', 8, answer('slow'), { shows: ['story:s1'] }, 100);
    expect(cache.stale('/stories/s1')).toBeUndefined();
  });

  it('does not keep a straddling render as stale beside a current answer, and adds gzip bytes to a stale one', async () => {
    const { changedNames } = changes({ 8: ['story:s1'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames, staleMs: 1000, now: () => 0 });
    await cache.moveTo(7);
    await cache.moveTo(8);
    const late = answer('rendered at 7');
    cache.set('/stories/s1', 7, late, { shows: ['story:s1'] }, 0);
    expect(cache.attachGzip('/stories/s1', late.body, Buffer.from('gz'))).toBe(true);
    expect(cache.stale('/stories/s1')?.gzip?.toString()).toBe('gz');
    cache.set('/stories/s1', 8, answer('current'), { shows: ['story:s1'] }, 0);
    cache.set('/stories/s1', 7, answer('another late one'), { shows: ['story:s1'] }, 0);
    expect(cache.stale('/stories/s1')).toBeUndefined();
    expect(cache.get('/stories/s1', 8)?.body.toString()).toBe('current');
  });

  it('keeps a late render as stale beside a current answer past its maximum age', async () => {
    let now = 0;
    const { changedNames } = changes({ 8: ['day:d'] });
    const cache = new ReadCache({ maxEntries: 10, changedNames, maxAgeMs: 5000, staleMs: 1000, now: () => now });
    await cache.moveTo(7);
    cache.set('/d', 7, answer('old'), { shows: ['day:e'] });
    now = 5500;
    await cache.moveTo(8);
    // Rendered from 7 while the write at 8 changed its day: newer than the aged answer kept under /d.
    cache.set('/d', 7, answer('late'), { shows: ['day:d'] }, 5400);
    expect(cache.stale('/d')?.body.toString()).toBe('late');
  });

  it('serves an answer past its maximum age as stale for staleMs more', async () => {
    let now = 0;
    const cache = new ReadCache({ maxEntries: 10, maxAgeMs: 5000, staleMs: 1000, now: () => now });
    await cache.moveTo(1);
    cache.set('/a', 1, answer('a'));
    now = 5001;
    expect(cache.get('/a', 1)).toBeUndefined();
    expect(cache.stale('/a')?.body.toString()).toBe('a');
    now = 6001;
    expect(cache.stale('/a')).toBeUndefined();
  });
});
