import { DiplomaticEventEntry } from '@dateline/domain';
import type { RecordedEvent } from '@dateline/event-store';
import { binaryHeaders, CloudEventAttributes } from './cloud-event-headers';
import { datelineHeaders, recordedAt } from './cloud-event-message';
import { OutgoingMessage } from './outgoing-message';
import { Topics } from './topics';

export const TIMELINE_ENTRY_TYPE = 'dateline.TimelineEntry.v1';
export const TIMELINE_ENTRY_REMOVED_TYPE = 'dateline.TimelineEntryRemoved.v1';

/**
 * A record for the compacted `timeline-entries.v1` topic: the entry as it is after `event`,
 * keyed by the diplomatic event's id, or a tombstone (null value) when `event` retracted it.
 * `ce_id` is the id of the event that caused the change, so each change is counted once.
 */
export function toTimelineEntryMessage(
  event: RecordedEvent,
  entryId: string,
  entry: DiplomaticEventEntry | null,
  topics: Topics,
): OutgoingMessage {
  return {
    topic: topics.timelineEntries,
    key: entryId,
    value: entry ? JSON.stringify(entry) : null,
    headers: { ...binaryHeaders(timelineEntryAttributes(event, entryId, entry !== null)), ...datelineHeaders(event) },
    position: event.position,
  };
}

/** The attributes of a timeline-entries record; a tombstone has no data, so no content type. */
export function timelineEntryAttributes(event: RecordedEvent, entryId: string, hasEntry: boolean): CloudEventAttributes {
  return {
    id: event.id,
    type: hasEntry ? TIMELINE_ENTRY_TYPE : TIMELINE_ENTRY_REMOVED_TYPE,
    source: '/dateline/timeline-entries',
    subject: entryId,
    time: recordedAt(event),
    ...(hasEntry ? { datacontenttype: 'application/json' } : {}),
  };
}
