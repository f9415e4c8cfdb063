import { describe, expect, it } from '@jest/globals';
import { START } from '@eventstore/db-client';
import { commitToPortPosition, comparePositions, toPortPosition, toReadPosition, UnrepresentablePosition } from './esdb-position';

const pos = (commit: bigint, prepare = commit) => ({ commit, prepare });

describe("ESDB positions as the port's Position", () => {
  it('is the commit position of an event that is its own commit', () => {
    expect(toPortPosition(pos(12_353_537n))).toBe(12_353_537);
  });

  it('goes back to the same ESDB position, and 0 means the start of $all', () => {
    for (const p of [1, 4_096, 12_353_537, Number.MAX_SAFE_INTEGER]) {
      expect(toPortPosition(toReadPosition(p) as { commit: bigint; prepare: bigint })).toBe(p);
    }
    expect(toReadPosition(0)).toBe(START);
  });

  it('keeps $all order: a later event has a larger number', () => {
    // Three events of one append and one of the next, as a 21.10+ server numbers them.
    const log = [pos(1_000n), pos(1_142n), pos(1_290n), pos(5_000_000_000n)];
    const numbers = log.map(toPortPosition);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (let i = 1; i < log.length; i++) expect(comparePositions(log[i - 1], log[i])).toBe(-1);
  });

  it('stays exact up to 2^53 - 1 and refuses what a JS number cannot hold', () => {
    expect(toPortPosition(pos(BigInt(Number.MAX_SAFE_INTEGER)))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPortPosition(pos(BigInt(Number.MAX_SAFE_INTEGER) + 1n))).toThrow(UnrepresentablePosition);
    expect(() => commitToPortPosition(0n)).toThrow(UnrepresentablePosition);
  });

  it('refuses an event of an explicit transaction (prepare before its commit) instead of misplacing it', () => {
    expect(() => toPortPosition(pos(2_000n, 1_500n))).toThrow(/explicit/);
  });

  it("takes an append's commit position alone (its prepare position is not the event's)", () => {
    expect(commitToPortPosition(1_290n)).toBe(1_290);
  });

  it('refuses positions that are not non-negative safe integers', () => {
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) expect(() => toReadPosition(bad)).toThrow(RangeError);
  });

  it('compares by commit, then prepare', () => {
    expect(comparePositions(pos(10n, 5n), pos(10n, 7n))).toBe(-1);
    expect(comparePositions(pos(11n, 1n), pos(10n, 7n))).toBe(1);
    expect(comparePositions(pos(10n), pos(10n))).toBe(0);
  });
});
