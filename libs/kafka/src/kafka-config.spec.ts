import { describe, expect, it } from '@jest/globals';
import { kafkaConfigFromEnv } from './kafka-config';
import { replayProblems } from './replay';
import { topicNames, topicSpecs } from './topics';

describe('Kafka settings', () => {
  it('are off without KAFKA_BROKERS, and read the defaults of docs/architecture.md section 5 with it', () => {
    expect(kafkaConfigFromEnv({})).toBeUndefined();
    expect(kafkaConfigFromEnv({ KAFKA_BROKERS: ' a:9092 , b:9092 ' })).toEqual({
      brokers: ['a:9092', 'b:9092'],
      topicPrefix: 'dateline.',
      partitions: 3,
      replicationFactor: 1,
      clientId: 'dateline',
      batchSize: 500,
    });
  });

  it('refuse a partition count that is not a positive whole number, naming the variable', () => {
    expect(() => kafkaConfigFromEnv({ KAFKA_BROKERS: 'a:1', KAFKA_PARTITIONS: 'three' })).toThrow(
      /KAFKA_PARTITIONS must be a positive integer/,
    );
    expect(() => kafkaConfigFromEnv({ KAFKA_BROKERS: 'a:1', KAFKA_RELAY_BATCH_SIZE: '0' })).toThrow(/KAFKA_RELAY_BATCH_SIZE/);
  });
});

describe('topics', () => {
  it('are named by category under the prefix, the entries topic compacted', () => {
    expect(topicNames('x.')).toEqual({
      stories: 'x.stories.v1',
      diplomaticEvents: 'x.diplomatic-events.v1',
      factReviews: 'x.fact-reviews.v1',
      timelineEntries: 'x.timeline-entries.v2',
    });
    const specs = topicSpecs(kafkaConfigFromEnv({ KAFKA_BROKERS: 'a:1', KAFKA_PARTITIONS: '6' })!);
    expect(specs.map((s) => s.numPartitions)).toEqual([6, 6, 6, 6]);
    expect(specs[3].configEntries).toContainEqual({ name: 'cleanup.policy', value: 'compact' });
    expect(specs[2].configEntries).toBeUndefined();
    expect(specs[0].configEntries).toBeUndefined();
  });
});

describe('replay requests', () => {
  it("refuse the relay's own topics, illegal names and a range backwards", () => {
    expect(replayProblems({ from: 0, toTopic: 'copy.of.stories' })).toEqual([]);
    expect(replayProblems({ from: 0, toTopic: 'dateline.stories.v1' }).join()).toMatch(/relay's own topics/);
    expect(replayProblems({ from: 0, toTopic: 'staging.dateline.timeline-entries.v1' }).join()).toMatch(/relay's own topics/);
    expect(replayProblems({ from: 0, toTopic: 'has space' }).join()).toMatch(/1-249 characters/);
    expect(replayProblems({ from: 10, to: 5, toTopic: 'x' })).toEqual(['to must not be before from']);
  });
});
