import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage } from 'cloudevents';

/** A Kafka record as kafkajs hands it over, with strings instead of buffers. */
export interface TailRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/**
 * One record as a downstream engineer wants to see it: decoded with the CloudEvents SDK, the
 * envelope on one line, the data below it. Tombstones (compacted topic) have no CloudEvent
 * body, so their headers are shown as they are.
 */
export function formatRecord(r: TailRecord): string {
  const where = `${r.topic}[${r.partition}]@${r.offset}`;
  const position = r.headers.dateline_position ?? '?';
  const version = r.headers.dateline_version ?? '?';
  if (r.value === null)
    return `${r.headers.ce_time ?? '-'} ${where} ${r.headers.ce_type ?? 'tombstone'} key=${r.key} id=${r.headers.ce_id ?? '-'} position=${position} v${version}\n  (tombstone: the entry left the timeline)`;
  const message: KafkaMessage<string> = { key: r.key ?? '', value: r.value, body: r.value, headers: r.headers, timestamp: undefined };
  let event: CloudEvent<unknown>;
  try {
    event = CloudEventsKafka.toEvent(message) as CloudEvent<unknown>;
  } catch (err) {
    return `${where} key=${r.key} not a CloudEvent (${err instanceof Error ? err.message : String(err)}): ${r.value}`;
  }
  const editor = typeof event.editor === 'string' ? ` editor=${event.editor}` : '';
  return `${event.time} ${where} ${event.type} key=${r.key} id=${event.id} position=${position} v${version}${editor}\n  ${JSON.stringify(event.data)}`;
}
