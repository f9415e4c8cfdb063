import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { StoreUnavailable } from '../errors';
import { RecordedEvent } from '../event-store.port';
import { followSubscription } from './follow-subscription';

/** A real object-mode stream standing in for the ESDB subscription (itself a Readable). */
function source() {
  const stream = new PassThrough({ objectMode: true, highWaterMark: 4 }) as PassThrough & {
    unsubscribed: boolean;
    unsubscribe(): Promise<void>;
  };
  stream.unsubscribed = false;
  stream.unsubscribe = async () => {
    stream.unsubscribed = true;
    stream.destroy();
  };
  return stream;
}

const event = (n: number, type = 'Happened'): RecordedEvent => ({
  id: `e${n}`,
  streamId: 's',
  streamVersion: n,
  position: n * 100,
  type,
  schemaVersion: 1,
  data: { n },
  metadata: {},
});
const convert = (e: RecordedEvent) => (e.type.startsWith('$') ? undefined : e);
const until = async (check: () => boolean) => {
  const t = Date.now();
  while (!check()) {
    if (Date.now() - t > 5_000) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 1));
  }
};

describe("followSubscription: the port's batches on a push subscription", () => {
  it('hands out events in order, in batches of at most batchSize, one handler call at a time', async () => {
    const src = source();
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const sub = followSubscription(
      src,
      async (batch) => {
        overlapped ||= ++running > 1;
        batches.push(batch.map((e) => e.streamVersion));
        await new Promise((r) => setTimeout(r, 2));
        running--;
      },
      { convert, mapError: (e) => e, batchSize: 3 },
    );
    for (let n = 1; n <= 20; n++) src.write(event(n));
    await until(() => batches.flat().length === 20);
    await sub.stop();
    expect(batches.flat()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(3);
    expect(overlapped).toBe(false);
  });

  it('skips what convert drops (system events, the start position)', async () => {
    const src = source();
    const seen: string[] = [];
    const sub = followSubscription(src, async (batch) => void seen.push(...batch.map((e) => e.id)), {
      convert,
      mapError: (e) => e,
      batchSize: 10,
    });
    src.write(event(1));
    src.write(event(2, '$statsCollected'));
    src.write(event(3));
    await until(() => seen.length === 2);
    await sub.stop();
    expect(seen).toEqual(['e1', 'e3']);
  });

  it('pauses the source while the handler is behind, and resumes it', async () => {
    const src = source();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    const sub = followSubscription(
      src,
      async (batch) => {
        seen.push(...batch.map((e) => e.streamVersion));
        await gate;
      },
      { convert, mapError: (e) => e, batchSize: 2 },
    );
    for (let n = 1; n <= 12; n++) src.write(event(n));
    await until(() => src.isPaused());
    release();
    await until(() => seen.length === 12);
    expect(src.isPaused()).toBe(false);
    await sub.stop();
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("done rejects with the handler's error and unsubscribes", async () => {
    const src = source();
    const sub = followSubscription(
      src,
      async () => {
        throw new Error('handler broke');
      },
      { convert, mapError: (e) => e, batchSize: 10 },
    );
    src.write(event(1));
    await expect(sub.done).rejects.toThrow('handler broke');
    await until(() => src.unsubscribed);
  });

  it('done rejects with the mapped error of the source, after the events that came before it', async () => {
    const src = source();
    const seen: number[] = [];
    const sub = followSubscription(src, async (batch) => void seen.push(...batch.map((e) => e.streamVersion)), {
      convert,
      mapError: (e) => new StoreUnavailable(e),
      batchSize: 10,
    });
    src.write(event(1));
    src.write(event(2));
    await until(() => seen.length === 2);
    src.destroy(new Error('14 UNAVAILABLE'));
    await expect(sub.done).rejects.toBeInstanceOf(StoreUnavailable);
    expect(seen).toEqual([1, 2]);
  });

  it('a subscription the server ends is an outage, not a quiet stop', async () => {
    const src = source();
    const sub = followSubscription(src, async () => undefined, { convert, mapError: (e) => e, batchSize: 10 });
    src.end();
    src.resume();
    await expect(sub.done).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('a conversion that fails (an unrepresentable position) stops the follower with that error', async () => {
    const src = source();
    const sub = followSubscription(src, async () => undefined, {
      convert: () => {
        throw new RangeError('bad position');
      },
      mapError: (e) => e,
      batchSize: 10,
    });
    src.write(event(1));
    await expect(sub.done).rejects.toThrow('bad position');
  });

  it('stop() lets the batch in hand finish, hands out nothing more, resolves done and unsubscribes', async () => {
    const src = source();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batches: number[][] = [];
    let finished = false;
    const sub = followSubscription(
      src,
      async (batch) => {
        batches.push(batch.map((e) => e.streamVersion));
        await gate;
        finished = true;
      },
      { convert, mapError: (e) => e, batchSize: 2 },
    );
    for (let n = 1; n <= 6; n++) src.write(event(n));
    await until(() => batches.length === 1);
    const stopping = sub.stop();
    release();
    await stopping;
    expect(finished).toBe(true);
    expect(batches).toEqual([[1, 2]]);
    await expect(sub.done).resolves.toBeUndefined();
    expect(src.unsubscribed).toBe(true);
  });
});
