import { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';
import { DiplomaticEventFieldsV1, v1FieldsOf } from '../diplomatic-event/diplomatic-event-fields-v1';
import { lookupCameo } from '../cameo/cameo';
import { RevisionKind } from '../story/story.events';
import { CalendarDate } from '../values/calendar-date';

/** A diplomatic event as the timeline shows it, in one version. */
// Still the v1 fields (through v1FieldsOf) until the read side reads factKnowledge (issue 16, readmodel-v2).
export interface DiplomaticEventEntry extends DiplomaticEventFieldsV1 {
  readonly type: 'diplomatic-event';
  readonly id: string;
  readonly version: number;
  readonly date: CalendarDate;
  /** When this version was recorded. */
  readonly recordedAt: string;
  readonly firstRecordedAt: string;
  readonly cameo?: { readonly name: string; readonly plover: string | null };
}

/** A story revision as the timeline shows it: on the date it was recorded, in the reader's zone. */
export interface StoryRevisionEntry {
  readonly type: 'story-revision';
  readonly id: string;
  readonly slug: string;
  readonly revision: number;
  readonly date: CalendarDate;
  readonly recordedAt: string;
  readonly headline: string;
  readonly kind: RevisionKind | 'created';
  readonly changeNote?: string;
  readonly editor?: string;
}

export type TimelineEntry = DiplomaticEventEntry | StoryRevisionEntry;

export function diplomaticEventEntry(
  id: string,
  version: number,
  fields: DiplomaticEventFields,
  recordedAt: string,
  firstRecordedAt: string,
): DiplomaticEventEntry {
  const cameo = fields.cameoCode ? lookupCameo(fields.cameoCode) : undefined;
  const v1 = v1FieldsOf(fields);
  return {
    type: 'diplomatic-event',
    id,
    version,
    date: v1.occurredOn,
    recordedAt,
    firstRecordedAt,
    ...v1,
    ...(cameo ? { cameo: { name: cameo.name, plover: cameo.plover } } : {}),
  };
}

/**
 * Order within a day: timed events by their instant, then events known only to the day, then
 * story revisions by when they were recorded.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return entrySortKey(a).localeCompare(entrySortKey(b));
}

/** A string that orders entries within a day (see compareEntries); readers may sort by it too. */
export function entrySortKey(e: TimelineEntry): string {
  if (e.type === 'story-revision') return `2|${e.recordedAt}|${e.id}|${String(e.revision).padStart(6, '0')}`;
  if (e.occurredAt) return `0|${new Date(e.occurredAt).toISOString()}|${e.id}`;
  return `1|${e.firstRecordedAt}|${e.id}`;
}

export interface TimelineFilter {
  readonly participant?: string;
  readonly kind?: string;
  readonly storyId?: string;
}

/** Participant matches a name (case-insensitive, whole name) or a country code. */
export function matchesFilter(e: TimelineEntry, f: TimelineFilter): boolean {
  if (e.type === 'story-revision') {
    if (f.participant || f.kind) return false;
    return !f.storyId || e.id === f.storyId;
  }
  if (f.kind && e.kind !== f.kind) return false;
  if (f.storyId && !e.storyIds.includes(f.storyId)) return false;
  if (f.participant) {
    const wanted = f.participant.trim().toLowerCase();
    return e.participants.some((p) => p.name.toLowerCase() === wanted || p.country?.toLowerCase() === wanted);
  }
  return true;
}
