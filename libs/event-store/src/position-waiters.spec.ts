import { describe, expect, it } from '@jest/globals';
import { PositionWaiters } from './position-waiters';

describe('PositionWaiters', () => {
  it('resolves at once when the position is reached, on notify when it is reached later, and false after the timeout', async () => {
    let position = 5;
    const waiters = new PositionWaiters(() => position);
    await expect(waiters.waitFor(5, 10)).resolves.toBe(true);
    const later = waiters.waitFor(9, 5_000);
    const never = waiters.waitFor(100, 50);
    position = 8;
    waiters.notify();
    position = 9;
    waiters.notify();
    await expect(later).resolves.toBe(true);
    await expect(never).resolves.toBe(false);
  });
});
