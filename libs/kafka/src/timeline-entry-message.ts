import { createHash } from 'node:crypto';
import { AboutDateEntry, DiplomaticEventEntry } from '@dateline/domain';
import type { RecordedEvent } from '@dateline/event-store';
import { binaryHeaders, CloudEventAttributes } from './cloud-event-headers';
import { datelineHeaders, recordedAt } from './cloud-event-message';
import { OutgoingMessage } from './outgoing-message';
import { Topics } from './topics';

export const TIMELINE_ENTRY_TYPE = 'dateline.TimelineEntry.v2';
export const TIMELINE_ENTRY_REMOVED_TYPE = 'dateline.TimelineEntryRemoved.v2';

/**
 * A record for the compacted `timeline-entries.v2` topic: an entry as it is after `event`, keyed
 * by the entry's id (a diplomatic event's id, or `<its id>/about/<index>` for a date it is
 * about), or a tombstone (null value) when `event` retracted the fact or dropped the date.
 * `ce_subject` is the diplomatic event's id; `ce_id` the id of the event that caused the
 * change for the fact's own record, and a name-based UUID of that id and the entry's for an
 * about record, so that each change is counted once.
 */
export function toTimelineEntryMessage(
  event: RecordedEvent,
  entryId: string,
  entry: DiplomaticEventEntry | AboutDateEntry | null,
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
  const factId = factIdOf(entryId);
  return {
    id: entryId === factId ? event.id : nameBasedUuid(event.id, entryId),
    type: hasEntry ? TIMELINE_ENTRY_TYPE : TIMELINE_ENTRY_REMOVED_TYPE,
    source: '/dateline/timeline-entries',
    subject: factId,
    time: recordedAt(event),
    ...(hasEntry ? { datacontenttype: 'application/json' } : {}),
  };
}

/** The diplomatic event an entry id belongs to. */
export function factIdOf(entryId: string): string {
  const slash = entryId.indexOf('/');
  return slash === -1 ? entryId : entryId.slice(0, slash);
}

/** An RFC 9562 version 5 (SHA-1, name-based) UUID of `name` in the namespace `namespace` (a UUID). */
export function nameBasedUuid(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
