import { describe, it } from '@jest/globals';
import { FactsSpecification } from '../testing/facts-specification';
import { OrderableEntry, orderWithinDay } from './day-order';

const keys = (entries: readonly OrderableEntry[]) => orderWithinDay(entries).map((e) => e.key);

describe('order within a day', () => {
  it('given local times, then by time; the untimed follow in recording order', () => {
    FactsSpecification.given<OrderableEntry>([
      { key: 'untimed-1', relations: [] },
      { key: 'noon', at: '2025-05-16T12:00:00+03:00', relations: [] },
      { key: 'untimed-2', relations: [] },
      { key: 'nine', at: '2025-05-16T09:00:00+03:00', relations: [] },
    ])
      .when(keys)
      .then(['nine', 'noon', 'untimed-1', 'untimed-2']);
  });

  it('given an untimed fact "earlier in the day, before the talks" at 10:00, then it comes before the talks, after what is earlier still', () => {
    FactsSpecification.given<OrderableEntry>([
      { key: 'talks', at: '2025-05-16T10:00:00+03:00', relations: [] },
      { key: 'breakfast', at: '2025-05-16T08:00:00+03:00', relations: [] },
      { key: 'earlier', relations: [{ relation: 'before', fact: 'talks' }] },
      { key: 'yermak', relations: [{ relation: 'after', fact: 'talks' }] },
    ])
      .when(keys)
      .then(['breakfast', 'earlier', 'talks', 'yermak']);
  });

  it('given a relation chain recorded backwards, then the chain order; unrelated facts keep their place', () => {
    FactsSpecification.given<OrderableEntry>([
      { key: 'c', relations: [{ relation: 'after', fact: 'b' }] },
      { key: 'x', relations: [] },
      { key: 'b', relations: [{ relation: 'after', fact: 'a' }] },
      { key: 'a', relations: [{ relation: 'same-day', fact: 'x' }] },
      { key: 'y', relations: [{ relation: 'before', fact: 'elsewhere' }] },
    ])
      .when(keys)
      .then(['a', 'b', 'c', 'x', 'y']);
  });

  it('given a cycle the write side would refuse, then every entry still comes once', () => {
    FactsSpecification.given<OrderableEntry>([
      { key: 'a', relations: [{ relation: 'before', fact: 'b' }] },
      { key: 'b', relations: [{ relation: 'before', fact: 'a' }] },
    ])
      .when(keys)
      .then(['b', 'a']);
  });
});
