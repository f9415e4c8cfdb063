import { AppendSignal } from './append-signal';
import { Position, RecordedEvent, SubscribeOptions, Subscription } from './event-store.port';

/** Events per read of the log while catching up, when the follower does not say. */
const DEFAULT_BATCH_SIZE = 500;
/**
 * How long a follower at the head waits for an append signal before it reads the log anyway,
 * ms: a lost NOTIFY (append-signal.ts) delays it by at most this.
 */
const DEFAULT_IDLE_POLL_MS = 100;

/**
 * A catch-up subscription over any `readAll`: reads batches until it is at the head, then
 * waits for an append signal (or the idle poll) and reads again. The handler is awaited, so
 * batches are handled one at a time, in log order.
 */
export function followLog(
  readAll: (after: Position, limit: number) => Promise<RecordedEvent[]>,
  signal: AppendSignal,
  after: Position,
  handler: (batch: RecordedEvent[]) => Promise<void>,
  options: SubscribeOptions = {},
): Subscription {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const idlePollMs = options.idlePollMs ?? DEFAULT_IDLE_POLL_MS;
  let stopped = false;
  let cancelWait: (() => void) | undefined;

  const run = async () => {
    let position = after;
    while (!stopped) {
      // An append that commits while the read is on its way wakes nobody (no one waits yet):
      // without this count the follower would sleep until the idle poll, up to idlePollMs late.
      const seen = signal.generation;
      const batch = await readAll(position, batchSize);
      if (batch.length > 0) {
        await handler(batch);
        position = batch[batch.length - 1].position;
        continue;
      }
      if (signal.generation !== seen) continue;
      const waiting = signal.wait(idlePollMs);
      cancelWait = waiting.cancel;
      await waiting.promise;
    }
  };

  const done = run();
  return {
    done,
    stop: async () => {
      stopped = true;
      cancelWait?.();
      // stop() only waits for the end: `done` carries a failure to its own awaiter (the projector, the relay).
      await done.catch(() => undefined);
    },
  };
}
