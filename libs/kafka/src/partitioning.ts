import { PartitionMetadata, Partitioners } from 'kafkajs';

/** Keys remembered per partition count; forgetting one only costs a hash. */
const CACHE_LIMIT = 50_000;

/**
 * The partition a key lands in: kafkajs's default partitioner, which is the Java client's
 * murmur2 (so Java producers and consumers agree). The relay chooses partitions itself because
 * it must know, after a crash, which partition's tail tells whether a record already went out.
 *
 * kafkajs's murmur2 computes with 64-bit Long objects (~5 µs a key), and the relay asks for the
 * same key again and again: an aggregate's every event, and a diplomatic event's id on both its
 * event topic and the timeline-entries topic. So answers are cached per partition count.
 */
export class KeyPartitioning {
  private readonly partitioner = Partitioners.DefaultPartitioner();
  private readonly byCount = new Map<number, { metadata: PartitionMetadata[]; partitions: Map<string, number> }>();

  constructor(private readonly partitionCounts: ReadonlyMap<string, number>) {}

  partitionFor(topic: string, key: string): number {
    const count = this.partitionCounts.get(topic);
    if (!count) throw new Error(`topic ${topic}: partition count unknown`);
    const forCount = this.forCount(count);
    let partition = forCount.partitions.get(key);
    if (partition === undefined) {
      // Only the count matters to a keyed message; the metadata stands in for the broker's.
      partition = this.partitioner({ topic, partitionMetadata: forCount.metadata, message: { key, value: null } });
      if (forCount.partitions.size >= CACHE_LIMIT) forCount.partitions.clear();
      forCount.partitions.set(key, partition);
    }
    return partition;
  }

  private forCount(count: number): { metadata: PartitionMetadata[]; partitions: Map<string, number> } {
    let forCount = this.byCount.get(count);
    if (!forCount) {
      const metadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, partitionErrorCode: 0, leader: 0, replicas: [0], isr: [0], offlineReplicas: [] }));
      forCount = { metadata, partitions: new Map() };
      this.byCount.set(count, forCount);
    }
    return forCount;
  }
}
