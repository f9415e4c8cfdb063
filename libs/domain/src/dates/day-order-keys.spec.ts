import { describe, expect, it } from '@jest/globals';
import { KeyedOrderable, orderKeysWithinDay, orderWithinDay } from './day-order';
import { FactRelation } from './fact-relations';

/** A small deterministic generator (mulberry32): the same heading every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const recordedAt = (i: number) => new Date(Date.UTC(2025, 4, 16, 8, 0, i)).toISOString();

/** A heading of `n` entries in recording order: some timed, some related to others (cycles too), some about-like ids. */
function heading(seed: number, n: number): KeyedOrderable[] {
  const next = random(seed);
  const ids = Array.from({ length: n }, (_, i) => (next() < 0.2 ? `f${i % 3}/about/${i}` : `f${i}`));
  return ids.map((key, i) => {
    const relations: FactRelation[] = [];
    if (next() < 0.35) relations.push({ relation: next() < 0.5 ? 'before' : 'after', fact: ids[Math.floor(next() * n)] });
    if (next() < 0.1) relations.push({ relation: 'same-day', fact: ids[Math.floor(next() * n)] });
    const at = next() < 0.4 ? `2025-05-16T${String(6 + Math.floor(next() * 12)).padStart(2, '0')}:00:00+03:00` : undefined;
    return { key, recording: `${recordedAt(i)}|${key}`, relations, ...(at ? { at } : {}) };
  });
}

const byKeys = (entries: readonly KeyedOrderable[]) => {
  const keys = orderKeysWithinDay(entries);
  return entries
    .map((e, i) => ({ e, k: keys[i] }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.e.key);
};

describe('order keys within a day', () => {
  it('sort entries as orderWithinDay does, on 300 random headings with times, relations and cycles', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const entries = heading(seed, 1 + (seed % 40));
      expect(byKeys(entries)).toEqual(orderWithinDay(entries).map((e) => e.key));
    }
  });

  it('are the same whatever order the entries are given in', () => {
    const entries = heading(7, 30);
    const keys = orderKeysWithinDay(entries);
    const reversed = orderKeysWithinDay([...entries].reverse());
    expect([...reversed].reverse()).toEqual(keys);
  });

  it('of the others do not change when an unrelated fact is added, timed or not', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const entries = heading(seed, 20);
      const before = orderKeysWithinDay(entries);
      const added: KeyedOrderable[] = [
        ...entries,
        { key: 'late', recording: `${recordedAt(99)}|late`, relations: [], ...(seed % 2 ? { at: '2025-05-16T09:30:00+03:00' } : {}) },
      ];
      expect(orderKeysWithinDay(added).slice(0, entries.length)).toEqual(before);
    }
  });

  it('change only for the facts related to one that changed', () => {
    const entries: KeyedOrderable[] = [
      { key: 'talks', recording: `${recordedAt(0)}|talks`, at: '2025-05-16T10:00:00+03:00', relations: [] },
      { key: 'earlier', recording: `${recordedAt(1)}|earlier`, relations: [{ relation: 'before', fact: 'talks' }] },
      { key: 'lunch', recording: `${recordedAt(2)}|lunch`, at: '2025-05-16T13:00:00+03:00', relations: [] },
      { key: 'untimed', recording: `${recordedAt(3)}|untimed`, relations: [] },
    ];
    const before = orderKeysWithinDay(entries);
    // The talks move to 15:00: "earlier" moves with them, lunch and the untimed fact keep their keys.
    const moved = orderKeysWithinDay([{ ...entries[0], at: '2025-05-16T15:00:00+03:00' }, ...entries.slice(1)]);
    expect(moved[0]).not.toBe(before[0]);
    expect(moved[1]).not.toBe(before[1]);
    expect(moved.slice(2)).toEqual(before.slice(2));
    expect(byKeys([{ ...entries[0], at: '2025-05-16T15:00:00+03:00' }, ...entries.slice(1)])).toEqual([
      'lunch',
      'earlier',
      'talks',
      'untimed',
    ]);
  });
});
