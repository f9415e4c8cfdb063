import { describe, expect, it } from '@jest/globals';
import { RendersInFlight } from './renders-in-flight';

describe('RendersInFlight', () => {
  it('lets a request wait for the render of the same answer under way, until it is done', async () => {
    const renders = new RendersInFlight(60_000);
    const finish = renders.start('/a', 5);
    let waited = false;
    const waiting = renders.waitFor('/a', 5).then((w) => (waited = w));
    await Promise.resolve();
    expect(waited).toBe(false);
    finish();
    await waiting;
    expect(waited).toBe(true);
    expect(renders.size).toBe(0);
  });

  it('has nothing to wait for on another answer, or on a render at an older position', async () => {
    const renders = new RendersInFlight(60_000);
    renders.start('/a', 5);
    expect(await renders.waitFor('/b', 5)).toBe(false);
    expect(await renders.waitFor('/a', 6)).toBe(false);
  });

  it('gives up waiting after its limit: a render that never finishes holds no one for ever', async () => {
    const renders = new RendersInFlight(10);
    renders.start('/a', 5);
    expect(await renders.waitFor('/a', 5)).toBe(true);
  });

  it('ends the waiters of an older render when a newer one replaces it, and the older one finishing later changes nothing', async () => {
    const renders = new RendersInFlight(60_000);
    const older = renders.start('/a', 5);
    const waiting = renders.waitFor('/a', 5);
    renders.start('/a', 6);
    expect(await waiting).toBe(true);
    older();
    expect(renders.size).toBe(1);
  });

  it('says whether a render of an answer at a position or later is under way', () => {
    const renders = new RendersInFlight(60_000);
    const finish = renders.start('/a', 5);
    expect([renders.rendering('/a', 5), renders.rendering('/a', 4), renders.rendering('/a', 6), renders.rendering('/b', 5)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    finish();
    expect(renders.rendering('/a', 5)).toBe(false);
  });

  it('says whether a render of an answer is under way at any position', () => {
    const renders = new RendersInFlight(60_000);
    const finish = renders.start('/a', 5);
    expect([renders.renderingAny('/a'), renders.renderingAny('/b')]).toEqual([true, false]);
    finish();
    expect(renders.renderingAny('/a')).toBe(false);
  });
});
