import { describe, expect, it } from '@jest/globals';
import { budgetHeaders, WriteBudget } from './write-budget';

describe('WriteBudget', () => {
  const t0 = Date.UTC(2026, 11, 7, 9, 0, 0);

  it('counts writes per key within a minute, then says how many seconds are left of it', () => {
    const budget = new WriteBudget(2);
    expect(budget.spend('token:alice', t0)).toEqual({ limit: 2, remaining: 1 });
    expect(budget.spend('token:alice', t0 + 1_000)).toEqual({ limit: 2, remaining: 0 });
    expect(budget.spend('token:bob', t0 + 1_000)).toEqual({ limit: 2, remaining: 1 });
    expect(budget.spend('token:alice', t0 + 45_500)).toEqual({ limit: 2, retryAfterSeconds: 15 });
    // A refused write is not counted: the next minute starts afresh.
    expect(budget.spend('token:alice', t0 + 60_000)).toEqual({ limit: 2, remaining: 1 });
  });

  it('is off at 0, and its headers say the limit and what is left or when to retry', () => {
    expect(new WriteBudget(0).spend('token:alice', t0)).toBeUndefined();
    expect(budgetHeaders({ limit: 5, remaining: 4 })).toEqual({ 'X-RateLimit-Limit': '5', 'X-RateLimit-Remaining': '4' });
    expect(budgetHeaders({ limit: 5, retryAfterSeconds: 12 })).toEqual({
      'X-RateLimit-Limit': '5',
      'X-RateLimit-Remaining': '0',
      'Retry-After': '12',
    });
  });

  it('forgets expired minutes once many keys have come and gone, and keeps the current ones', () => {
    const budget = new WriteBudget(1);
    for (let i = 0; i <= 10_000; i++) budget.spend(`ip:10.0.${i >> 8}.${i & 255}`, t0);
    budget.spend('token:alice', t0 + 59_000);
    // A new window after the sweep limit: the expired ones go, alice's minute stays spent.
    budget.spend('token:bob', t0 + 61_000);
    expect(budget.spend('token:alice', t0 + 61_000)).toEqual({ limit: 1, retryAfterSeconds: 58 });
    expect((budget as unknown as { windows: Map<string, unknown> }).windows.size).toBe(2);
  });
});
