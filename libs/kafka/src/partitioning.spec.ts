import { describe, expect, it } from '@jest/globals';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import { KeyPartitioning } from './partitioning';

describe('partitioning', () => {
  it("matches the Java client's murmur2 partitioner for known keys", () => {
    // Kafka's UtilsTest: murmur2("21") = -973932308, murmur2("a-little-bit-long-string") =
    // -985981536, murmur2("abc") = 479470107; the partition is (hash & 0x7fffffff) % count.
    const p = new KeyPartitioning(
      new Map([
        ['t', 3],
        ['u', 7],
      ]),
    );
    expect(p.partitionFor('t', '21')).toBe((-973932308 & 0x7fffffff) % 3);
    expect(p.partitionFor('u', 'a-little-bit-long-string')).toBe((-985981536 & 0x7fffffff) % 7);
    expect(p.partitionFor('u', 'abc')).toBe(479470107 % 7);
    const spread = new Set(Array.from({ length: 100 }, (_, i) => p.partitionFor('t', `key-${i}`)));
    expect(spread).toEqual(new Set([0, 1, 2]));
    expect(p.partitionFor('t', 'same')).toBe(p.partitionFor('t', 'same'));
    expect(() => p.partitionFor('unknown', 'k')).toThrow(/partition count unknown/);
  });

  it("puts every key where kafkajs's default partitioner does, non-ASCII keys too", () => {
    const kafkajs = Partitioners.DefaultPartitioner();
    const counts = [1, 3, 6, 7, 12];
    const p = new KeyPartitioning(new Map(counts.map((n) => [`t${n}`, n])));
    const keys = [
      ...Array.from({ length: 2000 }, () => randomUUID()),
      ...Array.from({ length: 500 }, (_, i) => randomBytes(i % 41).toString('base64')),
      '',
      'é',
      'Genève',
      'Zürich-Ωμέγα',
      '東京',
      '😀 emoji',
      'a\u0000b',
      '\ud800 lone surrogate',
      ...Array.from({ length: 500 }, () =>
        String.fromCodePoint(...Array.from({ length: 1 + randomInt(12) }, () => randomInt(0x20, 0x2ffff))),
      ),
    ];
    for (const n of counts) {
      const partitionMetadata = Array.from({ length: n }, (_, partitionId) => ({
        partitionId,
        partitionErrorCode: 0,
        leader: 0,
        replicas: [0],
        isr: [0],
        offlineReplicas: [],
      }));
      for (const key of keys)
        expect([key, p.partitionFor(`t${n}`, key)]).toEqual([
          key,
          kafkajs({ topic: `t${n}`, partitionMetadata, message: { key, value: null } }),
        ]);
    }
  });
});
