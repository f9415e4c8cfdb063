import { describe, expect, it } from '@jest/globals';
import { OneInFlight } from './one-in-flight';

/** A send that finishes when the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (err: Error) => void } {
  let resolve!: () => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('OneInFlight', () => {
  it('returns once a send has started, and starts the next only after it finished', async () => {
    const started: number[] = [];
    const first = deferred();
    const sends = new OneInFlight(() => undefined);
    await sends.send(() => (started.push(1), first.promise));
    const second = sends.send(async () => void started.push(2));
    await tick();
    expect(started).toEqual([1]);
    first.resolve();
    await second;
    await sends.drain();
    expect(started).toEqual([1, 2]);
  });

  it('reports a failed send at once, and throws it from the next send and from drain, which start nothing', async () => {
    const failures: unknown[] = [];
    const first = deferred();
    const sends = new OneInFlight((err) => failures.push(err));
    await sends.send(() => first.promise);
    first.reject(new Error('broker gone'));
    await tick();
    expect(failures).toEqual([new Error('broker gone')]);
    let startedAfterFailure = false;
    await expect(sends.send(async () => void (startedAfterFailure = true))).rejects.toThrow('broker gone');
    await expect(sends.drain()).rejects.toThrow('broker gone');
    expect(startedAfterFailure).toBe(false);
    expect(failures).toHaveLength(1);
  });
});
