import { StoreUnavailable } from '../errors';
import { RecordedEvent, Subscription } from '../event-store.port';

/** The part of an ESDB subscription (a Node Readable in object mode) that the follower uses. */
export interface SubscriptionSource<T> {
  on(event: 'data', listener: (item: T) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

export interface FollowOptions<T> {
  /** The port's event for an item; undefined skips it (system events, the start position). */
  readonly convert: (item: T) => RecordedEvent | undefined;
  /** The port's error for a failure of the source. */
  readonly mapError: (err: unknown) => unknown;
  readonly batchSize: number;
}

/**
 * The port's subscription semantics on top of a push subscription: ESDB sends events one by
 * one, in `$all` order, as fast as it can; the port hands them out in batches, one batch at a
 * time, and awaits the handler before the next. Events that arrive meanwhile are queued;
 * above two batches the source is paused (backpressure reaches the server through gRPC flow
 * control) and resumed once the queue drains.
 *
 * `done` rejects with the handler's error, with the source's error (mapped), or with
 * StoreUnavailable if the server ends the subscription (a catch-up subscription never ends
 * by itself): the caller restarts from its checkpoint. `stop()` lets the batch in hand
 * finish, hands out nothing more, and unsubscribes.
 */
export function followSubscription<T>(
  source: SubscriptionSource<T>,
  handler: (batch: RecordedEvent[]) => Promise<void>,
  options: FollowOptions<T>,
): Subscription {
  const { convert, mapError, batchSize } = options;
  const queue: RecordedEvent[] = [];
  let failure: { error: unknown } | undefined;
  let ended = false;
  let stopped = false;
  let paused = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  source.on('data', (item) => {
    if (failure || stopped) return;
    try {
      const event = convert(item);
      if (event) queue.push(event);
    } catch (err) {
      failure = { error: err };
    }
    if (queue.length >= batchSize * 2 && !paused) {
      paused = true;
      source.pause();
    }
    signal();
  });
  source.on('error', (err) => {
    failure ??= { error: mapError(err) };
    signal();
  });
  const onEnd = () => {
    ended = true;
    signal();
  };
  source.on('end', onEnd);
  source.on('close', onEnd);

  const run = async () => {
    while (!stopped) {
      if (queue.length > 0) {
        const batch = queue.splice(0, batchSize);
        if (paused && queue.length < batchSize) {
          paused = false;
          source.resume();
        }
        await handler(batch);
        continue;
      }
      // Events that arrived before a failure are handed out first: they are good.
      if (failure) throw failure.error;
      if (ended) throw new StoreUnavailable(new Error('the server ended the subscription'));
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  // The subscription is over either way; `done` carries its real outcome to whoever awaits it.
  const done = run().finally(() => source.unsubscribe().catch(() => undefined));
  return {
    done,
    stop: async () => {
      stopped = true;
      signal();
      // stop() only waits for the end: `done` carries a failure to its own awaiter (the projector, the relay).
      await done.catch(() => undefined);
    },
  };
}
