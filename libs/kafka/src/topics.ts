import type { ITopicConfig } from 'kafkajs';
import { StreamCategory } from '@dateline/domain';
import { KafkaConfig } from './kafka-config';

/** The three topics of docs/architecture.md section 5, under the configured prefix. */
export interface Topics {
  /** Every event of the story category. */
  readonly stories: string;
  /** Every event of the diplomatic-event category. */
  readonly diplomaticEvents: string;
  /** Compacted: the current state of each timeline entry, a tombstone on retraction. */
  readonly timelineEntries: string;
}

/**
 * Topics the relay wrote once and writes no more: `timeline-entries.v1` held the v1 entry
 * (docs/operations.md, "Timeline entries v2"). Nothing may be replayed into them either.
 */
export const RETIRED_TOPIC_SUFFIXES = ['timeline-entries.v1'] as const;

export function topicNames(prefix: string): Topics {
  return {
    stories: `${prefix}stories.v1`,
    diplomaticEvents: `${prefix}diplomatic-events.v1`,
    timelineEntries: `${prefix}timeline-entries.v2`,
  };
}

export function categoryTopic(topics: Topics, category: StreamCategory): string {
  return category === 'story' ? topics.stories : topics.diplomaticEvents;
}

export const allTopics = (topics: Topics): string[] => [topics.stories, topics.diplomaticEvents, topics.timelineEntries];

/** What the relay creates at start when a topic is missing. */
export function topicSpecs(config: KafkaConfig): ITopicConfig[] {
  const topics = topicNames(config.topicPrefix);
  const base = { numPartitions: config.partitions, replicationFactor: config.replicationFactor };
  return [
    { topic: topics.stories, ...base },
    { topic: topics.diplomaticEvents, ...base },
    {
      topic: topics.timelineEntries,
      ...base,
      // Compaction keeps the latest entry per key; tombstones are kept a day for slow consumers.
      configEntries: [
        { name: 'cleanup.policy', value: 'compact' },
        { name: 'delete.retention.ms', value: String(24 * 3600 * 1000) },
      ],
    },
  ];
}
