import { DiplomaticEventEntry, FactDate, factKnowledge, localTime, StoryRevisionEntry, TimelineEntry } from '@dateline/domain';
import { factWords } from '../reader-page/view-models/fact-words';
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

/**
 * A fact's slide, dated no more precisely than known: a day (with its local time), a month or a
 * year as TimelineJS dates of that precision, a period or a window as start and end. Whenever
 * the date is less than a stated day, `display_date` says it in words ("on or before 16 May
 * 2025"); the status and attribution are in the headline and text as on the reader page.
 */
function eventSlide(e: DiplomaticEventEntry, group: TimelineJsGrouping): TimelineJsSlide {
  const k = factKnowledge(e);
  const words = factWords(e, new Map());
  const exact = k.when.precision === 'day' && k.when.certainty === 'explicit';
  const display = exact ? undefined : words.when;
  const { start, end } = slideDates(k.when);
  if (display) start.display_date = display;
  const sources = words.sources.filter((s) => s.name);
  const rows = [
    e.summary ? `<p>${escapeHtml(e.summary)}</p>` : '',
    `<p><strong>When:</strong> ${escapeHtml(words.when)}${words.timing ? ` — ${escapeHtml(words.timing)}` : ''}</p>`,
    words.statusWords ? `<p><strong>Status:</strong> ${escapeHtml(words.statusWords)}</p>` : '',
    words.attributions.length > 0 ? `<p><strong>Attribution:</strong> ${words.attributions.map(escapeHtml).join('; ')}</p>` : '',
    ...words.about.map((a) => `<p><strong>Names a date:</strong> ${escapeHtml(a)}</p>`),
    e.location
      ? `<p><strong>Where:</strong> ${escapeHtml(e.location.name)}${e.location.country ? ` (${escapeHtml(e.location.country)})` : ''}</p>`
      : '',
    e.participants.length > 0
      ? `<p><strong>Participants:</strong> ${e.participants.map((p) => escapeHtml(p.role ? `${p.name} (${p.role})` : p.name)).join('; ')}</p>`
      : '',
    sources.length > 0 ? `<p><strong>Sources:</strong> ${sources.map((s) => escapeHtml(s.name!)).join('; ')}</p>` : '',
    ...e.quotes.map(
      (q) => `<blockquote>“${escapeHtml(q.text)}” — ${escapeHtml(q.speaker)}${q.speakerInferred ? ' (speaker inferred)' : ''}</blockquote>`,
    ),
  ];
  return {
    start_date: start,
    ...(end ? { end_date: end } : {}),
    text: { headline: escapeHtml(words.statusWords ? `${e.title} (${words.statusWords})` : e.title), text: rows.join('') },
    group: group === 'participant' ? (e.participants[0]?.name ?? 'No named participant') : capitalize(e.kind),
    unique_id: entryDomId(e),
    ...(display ? { display_date: display } : {}),
  };
}

function slideDates(d: FactDate): { start: TimelineJsDate; end?: TimelineJsDate } {
  switch (d.precision) {
    case 'day': {
      const start = calendarParts(d.on);
      if (!d.at) return { start };
      const [hour, minute] = localTime(d.at, d.timezone).split(':').map(Number);
      return { start: { ...start, hour, minute } };
    }
    case 'month':
      return { start: { year: Number(d.on.slice(0, 4)), month: Number(d.on.slice(5, 7)) } };
    case 'year':
      return { start: { year: Number(d.on) } };
    case 'period':
      return { start: calendarParts(d.from), end: calendarParts(d.until) };
    case 'bounded':
      // TimelineJS needs a start: an open lower bound starts the slide on the one day there is, and display_date says "on or before".
      if (d.onOrAfter && d.onOrBefore) return { start: calendarParts(d.onOrAfter), end: calendarParts(d.onOrBefore) };
      return { start: calendarParts((d.onOrAfter ?? d.onOrBefore)!) };
  }
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
