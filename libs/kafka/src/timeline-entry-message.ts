import { CloudEvent } from 'cloudevents';
import { DiplomaticEventEntry } from '@dateline/domain';
import type { RecordedEvent } from '@dateline/event-store';
import { ceHeaders, datelineHeaders, recordedAt } from './cloud-event-message';
import { OutgoingMessage } from './outgoing-message';
import { Topics } from './topics';

export const TIMELINE_ENTRY_TYPE = 'dateline.TimelineEntry.v1';
export const TIMELINE_ENTRY_REMOVED_TYPE = 'dateline.TimelineEntryRemoved.v1';

/**
 * A record for the compacted `timeline-entries.v1` topic: the entry as it is after `event`,
 * keyed by the diplomatic event's id, or a tombstone (null value) when `event` retracted it.
 * `ce_id` is the id of the event that caused the change, so each change is counted once.
 */
export function toTimelineEntryMessage(event: RecordedEvent, entryId: string, entry: DiplomaticEventEntry | null, topics: Topics): OutgoingMessage {
  const cloudEvent = new CloudEvent({
    specversion: '1.0',
    id: event.id,
    type: entry ? TIMELINE_ENTRY_TYPE : TIMELINE_ENTRY_REMOVED_TYPE,
    source: '/dateline/timeline-entries',
    subject: entryId,
    time: recordedAt(event),
    ...(entry ? { datacontenttype: 'application/json', data: entry } : {}),
  });
  return {
    topic: topics.timelineEntries,
    key: entryId,
    value: entry ? JSON.stringify(entry) : null,
    headers: { ...ceHeaders(cloudEvent), ...datelineHeaders(event) },
    position: event.position,
  };
}
