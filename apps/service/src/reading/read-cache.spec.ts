import { describe, expect, it } from '@jest/globals';
import { ReadCache } from './read-cache';

const answer = (body: string) => ({ body, headers: { 'content-type': 'application/json' } });

describe('ReadCache', () => {
  it('answers what was stored at the same position, and nothing once the position moved', () => {
    const cache = new ReadCache(10);
    expect(cache.get('/timeline/2025-05-16', 7)).toBeUndefined();
    cache.set('/timeline/2025-05-16', 7, answer('{"entries":[1]}'));
    expect(cache.get('/timeline/2025-05-16', 7)?.body).toBe('{"entries":[1]}');
    expect(cache.get('/timeline/2025-05-16', 8)).toBeUndefined();
    // Moving on dropped everything: going back (it cannot, but a clock could) finds nothing either.
    expect(cache.get('/timeline/2025-05-16', 7)).toBeUndefined();
  });

  it('drops an answer whose position passed while it was computed', () => {
    const cache = new ReadCache(10);
    cache.get('/a', 3); // a request starts at 3
    cache.get('/b', 4); // another sees the projector reach 4
    cache.set('/a', 3, answer('old'));
    expect(cache.get('/a', 4)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest answers beyond its entry and byte limits', () => {
    const cache = new ReadCache(2, 1600);
    cache.get('/', 1);
    cache.set('/1', 1, answer('x'.repeat(90)));
    cache.set('/2', 1, answer('y'.repeat(90)));
    cache.set('/3', 1, answer('z'.repeat(90)));
    expect([cache.get('/1', 1), cache.get('/2', 1)?.body.length, cache.get('/3', 1)?.body.length]).toEqual([undefined, 90, 90]);
    // One answer over a sixteenth of the bytes is not kept at all.
    cache.set('/big', 1, answer('b'.repeat(101)));
    expect(cache.get('/big', 1)).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('answers nothing older than its maximum age, at any position', () => {
    let now = 1_000;
    const cache = new ReadCache(10, 1600, 5000, () => now);
    cache.get('/', 1);
    cache.set('/', 1, answer('x'));
    now += 5000;
    expect(cache.get('/', 1)?.body).toBe('x');
    now += 1;
    expect(cache.get('/', 1)).toBeUndefined();
    cache.set('/', 1, answer('y'));
    expect(cache.get('/', 1)?.body).toBe('y');
  });

  it('keeps nothing when it has no entries (DATELINE_READ_CACHE_ENTRIES=0)', () => {
    const cache = new ReadCache(0);
    expect(cache.enabled).toBe(false);
    cache.get('/', 1);
    cache.set('/', 1, answer('x'));
    expect(cache.get('/', 1)).toBeUndefined();
  });
});
