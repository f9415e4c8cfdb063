/** One Kafka record the relay will send, with the log position it carries. */
export interface OutgoingMessage {
  readonly topic: string;
  /** The aggregate id: Kafka keeps the order per key within its partition. */
  readonly key: string;
  /** JSON text; null is a tombstone (compacted topic only). */
  readonly value: string | null;
  readonly headers: Record<string, string>;
  /** The log position of the event this record comes from (also the `dateline_position` header). */
  readonly position: number;
}

/** Plain Kafka headers beside the CloudEvents ones (docs/architecture.md section 5). */
export const POSITION_HEADER = 'dateline_position';
export const VERSION_HEADER = 'dateline_version';
