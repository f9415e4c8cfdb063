import { describe, expect, it } from '@jest/globals';
import { GroupSync } from './group-sync';

/** A sync whose end the test decides, to see who shares which sync. */
function controlledSync() {
  const runs: { finish: () => void; fail: (err: Error) => void }[] = [];
  const sync = () =>
    new Promise<void>((resolve, reject) => {
      runs.push({ finish: resolve, fail: reject });
    });
  return { runs, sync };
}

const settled = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('GroupSync', () => {
  it('runs one sync for a caller when none is running', async () => {
    const { runs, sync } = controlledSync();
    const group = new GroupSync(sync);
    const done = group.sync();
    await settled();
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await done;
    expect(group.started).toBe(1);
  });

  it('makes callers that arrive during a sync wait for the next one, and share it', async () => {
    const { runs, sync } = controlledSync();
    const group = new GroupSync(sync);
    const order: string[] = [];
    const first = group.sync().then(() => order.push('first'));
    await settled();
    expect(runs).toHaveLength(1);
    // Their writes came after the running sync started: it does not cover them.
    const late = [1, 2, 3, 4].map((n) => group.sync().then(() => order.push(`late ${n}`)));
    await settled();
    expect(runs).toHaveLength(1);
    runs[0].finish();
    await first;
    await settled();
    expect(order).toEqual(['first']);
    expect(runs).toHaveLength(2);
    runs[1].finish();
    await Promise.all(late);
    expect(order).toEqual(['first', 'late 1', 'late 2', 'late 3', 'late 4']);
    expect(group.started).toBe(2);
  });

  it('fails the callers of a failed sync and every later caller', async () => {
    const { runs, sync } = controlledSync();
    const group = new GroupSync(sync);
    const first = group.sync();
    await settled();
    const waiting = group.sync();
    runs[0].fail(new Error('EIO'));
    await expect(first).rejects.toThrow('EIO');
    await expect(waiting).rejects.toThrow('EIO');
    await expect(group.sync()).rejects.toThrow('EIO');
    expect(runs).toHaveLength(1);
    expect(group.failed?.message).toBe('EIO');
  });
});
