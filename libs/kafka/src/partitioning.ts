import { Partitioners } from 'kafkajs';

/**
 * The partition a key lands in: kafkajs's default partitioner, which is the Java client's
 * murmur2 (so Java producers and consumers agree). The relay chooses partitions itself because
 * it must know, after a crash, which partition's tail tells whether a record already went out.
 */
export class KeyPartitioning {
  private readonly partitioner = Partitioners.DefaultPartitioner();

  constructor(private readonly partitionCounts: ReadonlyMap<string, number>) {}

  partitionFor(topic: string, key: string): number {
    const count = this.partitionCounts.get(topic);
    if (!count) throw new Error(`topic ${topic}: partition count unknown`);
    // Only the count matters to a keyed message; the metadata stands in for the broker's.
    const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, partitionErrorCode: 0, leader: 0, replicas: [0], isr: [0], offlineReplicas: [] }));
    return this.partitioner({ topic, partitionMetadata, message: { key, value: null } });
  }
}
