import { describeWhen, DiplomaticEventEntry, localTime, StoryRevisionEntry, TimelineEntry } from '@dateline/domain';
import { escapeHtml } from '../reader-page/html';
import { entryDomId } from '../reader-page/view-models/entry.view-model';

/**
 * Knight Lab TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html).
 * TimelineJS renders `headline` and `text` as HTML, so every value from an event is escaped here.
 */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  display_date?: string;
}

export interface TimelineJsText {
  headline: string;
  text: string;
}

export interface TimelineJsSlide {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text: TimelineJsText;
  group: string;
  unique_id: string;
  display_date?: string;
}

export interface TimelineJsDocument {
  title?: { text: TimelineJsText; unique_id: string };
  events: TimelineJsSlide[];
}

export type TimelineJsGrouping = 'kind' | 'participant';

export function toTimelineJs(
  entries: readonly TimelineEntry[],
  options: { group?: TimelineJsGrouping; title?: TimelineJsText } = {},
): TimelineJsDocument {
  const group = options.group ?? 'kind';
  return {
    ...(options.title ? { title: { text: options.title, unique_id: 'title' } } : {}),
    // About-date entries are left out until the export words them (reader-v2, issue 16).
    events: entries.flatMap((e) =>
      e.type === 'story-revision' ? [revisionSlide(e)] : e.type === 'diplomatic-event' ? [eventSlide(e, group)] : [],
    ),
  };
}

function eventSlide(e: DiplomaticEventEntry, group: TimelineJsGrouping): TimelineJsSlide {
  const when = describeWhen(e);
  // Say the date in words whenever it is less than certain, so no reader takes a guess for a fact.
  const display = when.inferred || when.approximate ? when.text : undefined;
  const start: TimelineJsDate = { ...calendarParts(e.occurredOn) };
  if (e.datePrecision === 'day' && e.occurredAt) {
    const [hour, minute] = localTime(e.occurredAt, e.timezone).split(':').map(Number);
    Object.assign(start, { hour, minute });
  }
  if (display) start.display_date = display;
  const rows = [
    e.summary ? `<p>${escapeHtml(e.summary)}</p>` : '',
    `<p><strong>When:</strong> ${escapeHtml(when.text)}${e.dateText ? ` — the report says “${escapeHtml(e.dateText)}”` : ''}</p>`,
    e.location
      ? `<p><strong>Where:</strong> ${escapeHtml(e.location.name)}${e.location.country ? ` (${escapeHtml(e.location.country)})` : ''}</p>`
      : '',
    e.participants.length > 0
      ? `<p><strong>Participants:</strong> ${e.participants.map((p) => escapeHtml(p.role ? `${p.name} (${p.role})` : p.name)).join('; ')}</p>`
      : '',
    e.sources.length > 0
      ? `<p><strong>Sources:</strong> ${e.sources.map((s) => `${escapeHtml(s.name)}${s.hedged ? ' <em>(hedged)</em>' : ''}`).join('; ')}</p>`
      : '',
    ...e.quotes.map(
      (q) => `<blockquote>“${escapeHtml(q.text)}” — ${escapeHtml(q.speaker)}${q.speakerInferred ? ' (speaker inferred)' : ''}</blockquote>`,
    ),
  ];
  return {
    start_date: start,
    ...(e.datePrecision === 'span' && e.occurredUntil ? { end_date: calendarParts(e.occurredUntil) } : {}),
    text: { headline: escapeHtml(e.title), text: rows.join('') },
    group: group === 'participant' ? (e.participants[0]?.name ?? 'No named participant') : capitalize(e.kind),
    unique_id: entryDomId(e),
    ...(display ? { display_date: display } : {}),
  };
}

function revisionSlide(r: StoryRevisionEntry): TimelineJsSlide {
  const at = new Date(r.recordedAt);
  const label = r.kind === 'created' ? 'Story published' : r.kind === 'correction' ? 'Correction' : 'Story update';
  return {
    start_date: {
      year: at.getUTCFullYear(),
      month: at.getUTCMonth() + 1,
      day: at.getUTCDate(),
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
    },
    text: {
      headline: escapeHtml(r.headline),
      text: `<p><strong>${label}</strong>, revision ${r.revision}${r.editor ? ` by ${escapeHtml(r.editor)}` : ''}</p>${r.changeNote ? `<p>${escapeHtml(r.changeNote)}</p>` : ''}`,
    },
    group: 'Story',
    unique_id: entryDomId(r),
  };
}

function calendarParts(date: string): TimelineJsDate {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
