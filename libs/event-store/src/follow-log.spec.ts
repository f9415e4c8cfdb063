import { describe, expect, it } from '@jest/globals';
import { AppendSignal } from './append-signal';
import { RecordedEvent } from './event-store.port';
import { followLog } from './follow-log';

const event = (position: number): RecordedEvent => ({
  id: `e${position}`,
  streamId: 's',
  streamVersion: position,
  position,
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: {},
});

/** Follows `readAll` with a one-minute idle poll; `first` resolves at the first handled batch. */
function follow(readAll: (after: number) => Promise<RecordedEvent[]>, signal: AppendSignal) {
  const handled: number[] = [];
  let gotIt!: () => void;
  const first = new Promise<void>((r) => (gotIt = r));
  const sub = followLog(
    readAll,
    signal,
    0,
    async (batch) => {
      handled.push(...batch.map((e) => e.position));
      gotIt();
    },
    { idlePollMs: 60_000 },
  );
  return { handled, first, sub };
}

describe('followLog', () => {
  it('reads again at once when an append was signalled while its read was on the way', async () => {
    const signal = new AppendSignal();
    const reads: number[] = [];
    // The first read finds nothing, but an append commits (and signals) before it returns; with
    // a one-minute idle poll, only noticing that signal gets the event handled within the test.
    const readAll = async (after: number) => {
      reads.push(after);
      if (reads.length === 1) {
        signal.appended();
        return [];
      }
      return after < 1 ? [event(1)] : [];
    };
    const { handled, first, sub } = follow(readAll, signal);
    await first;
    await sub.stop();
    expect(handled).toEqual([1]);
    expect(reads.slice(0, 2)).toEqual([0, 0]);
  });

  it('waits for a signal when nothing came, then reads from where it was', async () => {
    const signal = new AppendSignal();
    let head = 0;
    const reads: number[] = [];
    const readAll = async (after: number) => {
      reads.push(after);
      return after < head ? [event(head)] : [];
    };
    const { handled, first, sub } = follow(readAll, signal);
    while (reads.length === 0) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const readsBeforeAppend = reads.length;
    head = 5;
    signal.appended();
    await first;
    await sub.stop();
    expect(readsBeforeAppend).toBe(1); // it did not spin while idle
    expect(handled).toEqual([5]);
  });
});
