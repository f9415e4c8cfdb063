import type { ITopicConfig } from 'kafkajs';
import { StreamCategory } from '@dateline/domain';
import { KafkaConfig } from './kafka-config';

/** The topics of docs/architecture.md section 5, under the configured prefix. */
export interface Topics {
  /** Every event of the story category. */
  readonly stories: string;
  /** Every event of the diplomatic-event category. */
  readonly diplomaticEvents: string;
  /** Every event of the fact-review category: editors' reviews of fact candidates (issue 18). */
  readonly factReviews: string;
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
    factReviews: `${prefix}fact-reviews.v1`,
    timelineEntries: `${prefix}timeline-entries.v2`,
  };
}

const TOPIC_OF_CATEGORY: Record<StreamCategory, keyof Topics> = {
  story: 'stories',
  'diplomatic-event': 'diplomaticEvents',
  'fact-review': 'factReviews',
};

export function categoryTopic(topics: Topics, category: StreamCategory): string {
  return topics[TOPIC_OF_CATEGORY[category]];
}

export const allTopics = (topics: Topics): string[] => [
  topics.stories,
  topics.diplomaticEvents,
  topics.factReviews,
  topics.timelineEntries,
];

/** What the relay creates at start when a topic is missing. */
export function topicSpecs(config: KafkaConfig): ITopicConfig[] {
  const topics = topicNames(config.topicPrefix);
  const base = { numPartitions: config.partitions, replicationFactor: config.replicationFactor };
  return [
    { topic: topics.stories, ...base },
    { topic: topics.diplomaticEvents, ...base },
    { topic: topics.factReviews, ...base },
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
