import murmurhash from 'murmurhash';

/** The seed of Kafka's murmur2 (the Java client's `Utils.murmur2`). */
const KAFKA_MURMUR2_SEED = 0x9747b28c;

/**
 * The partition a key lands in, as the Java client's default partitioner (and kafkajs's)
 * puts it: murmur2 of the key's UTF-8 bytes, sign bit cleared, modulo the partition count, so
 * Java producers and consumers agree. The relay chooses partitions itself because it must
 * know, after a crash, which partition's tail tells whether a record already went out.
 *
 * The hash is the `murmurhash` package's MurmurHash2 rather than kafkajs's, which computes on
 * 64-bit Long objects: ~10 µs a key, as much as building the record. The spec pins it to
 * Kafka's known answers and to kafkajs's partitioner.
 */
export class KeyPartitioning {
  constructor(private readonly partitionCounts: ReadonlyMap<string, number>) {}

  partitionFor(topic: string, key: string): number {
    const count = this.partitionCounts.get(topic);
    if (!count) throw new Error(`topic ${topic}: partition count unknown`);
    return (murmurhash.v2(key, KAFKA_MURMUR2_SEED) & 0x7fffffff) % count;
  }
}
