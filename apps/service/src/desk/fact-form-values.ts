import { localTime, type DiplomaticEventFields, type FactDate } from '@dateline/domain';
import { text, type FormBody } from './story-form';

/**
 * The fact form's fields as text, exactly as the editor typed them (a page shows them back
 * unchanged). Every control is named by the API's own property path (`when.onOrBefore`,
 * `relations.0.fact`, `location.name`), so that a message of the API names its control.
 */
export interface DateValues {
  precision: string;
  /** day: YYYY-MM-DD; month: YYYY-MM; year: YYYY. */
  on: string;
  from: string;
  until: string;
  onOrAfter: string;
  onOrBefore: string;
  /** Local time HH:MM on `on`, in `timezone`: the desk turns it into the API's `at`. */
  time: string;
  timezone: string;
  certainty: string;
  wording: string;
}

export interface RelationRow {
  relation: string;
  fact: string;
}
export interface AboutRow {
  label: string;
  date: DateValues;
}
export interface ParticipantRow {
  name: string;
  role: string;
  country: string;
}
export interface SourceRow {
  attribution: string;
  name: string;
  wording: string;
  url: string;
  note: string;
}
export interface QuoteRow {
  text: string;
  speaker: string;
  speakerInferred: boolean;
  context: string;
}

export interface FactRows {
  relations: RelationRow[];
  about: AboutRow[];
  participants: ParticipantRow[];
  sources: SourceRow[];
  quotes: QuoteRow[];
}
export type FactList = keyof FactRows;
export const FACT_LISTS: readonly FactList[] = ['relations', 'about', 'participants', 'sources', 'quotes'];

export interface FactFormValues extends FactRows {
  title: string;
  kind: string;
  summary: string;
  when: DateValues;
  status: string;
  location: { name: string; country: string };
  cameoCode: string;
  publishedAt: string;
  /** Amend: why (required); retract: the public note. */
  reason: string;
  /** Amend and retract: the version the form started from. */
  expectedVersion: string;
  /** Empty rows shown after the filled ones, per list: one, and one more per "Add another". */
  blankRows: Record<FactList, number>;
}

/** Most rows of one list the desk reads from a post: above every list's limit in the API (ArrayMaxSize). */
const MAX_ROWS = 200;

export const emptyDate = (): DateValues => ({
  precision: 'day',
  on: '',
  from: '',
  until: '',
  onOrAfter: '',
  onOrBefore: '',
  time: '',
  timezone: '',
  certainty: 'explicit',
  wording: '',
});

const oneBlankEach = (): Record<FactList, number> => ({ relations: 1, about: 1, participants: 1, sources: 1, quotes: 1 });

export function emptyFactValues(): FactFormValues {
  return {
    title: '',
    kind: '',
    summary: '',
    when: emptyDate(),
    status: 'happened',
    relations: [],
    about: [],
    participants: [],
    sources: [],
    quotes: [],
    location: { name: '', country: '' },
    cameoCode: '',
    publishedAt: '',
    reason: '',
    expectedVersion: '',
    blankRows: oneBlankEach(),
  };
}

/** Browsers send CRLF line ends from a textarea; the log keeps LF. */
const lines = (s: string) => s.replace(/\r\n?/g, '\n');

function dateValues(body: FormBody, prefix: string): DateValues {
  const f = (name: keyof DateValues) => text(body, `${prefix}.${name}`);
  return {
    precision: f('precision') || 'day',
    on: f('on'),
    from: f('from'),
    until: f('until'),
    onOrAfter: f('onOrAfter'),
    onOrBefore: f('onOrBefore'),
    time: f('time'),
    timezone: f('timezone'),
    certainty: f('certainty') || 'explicit',
    wording: f('wording'),
  };
}

/** The row numbers a post holds for a list (`participants.3.name` → 3), in order; gaps are fine. */
function rowIndexes(body: FormBody, list: FactList): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${list}\\.(\\d{1,3})\\.`);
  for (const key of Object.keys(body)) {
    const m = pattern.exec(key);
    if (m && Number(m[1]) < MAX_ROWS) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

const blankText = (...values: string[]) => values.every((v) => v.trim() === '');
const blankDate = (d: DateValues) => blankText(d.on, d.from, d.until, d.onOrAfter, d.onOrBefore, d.time, d.timezone, d.wording);

/** Each list's rows as posted, and how many of them were left empty (dropped: they say nothing). */
function rows<T>(body: FormBody, list: FactList, read: (at: string) => T, blank: (row: T) => boolean): { filled: T[]; blanks: number } {
  const all = rowIndexes(body, list).map((i) => read(`${list}.${i}`));
  const filled = all.filter((r) => !blank(r));
  return { filled, blanks: all.length - filled.length };
}

/**
 * A posted fact form. Empty rows are dropped and the rest renumbered from 0, as the API's
 * list indexes count them; `addRow` (an "Add another" button) asks for one more empty row.
 */
export function factFormValues(body: FormBody, addRow?: FactList): FactFormValues {
  const t = (name: string) => text(body, name);
  const relations = rows(
    body,
    'relations',
    (p) => ({ relation: t(`${p}.relation`) || 'before', fact: t(`${p}.fact`) }),
    (r) => r.fact === '',
  );
  const about = rows(
    body,
    'about',
    (p) => ({ label: t(`${p}.label`), date: dateValues(body, `${p}.date`) }),
    (r) => blankText(r.label) && blankDate(r.date),
  );
  const participants = rows(
    body,
    'participants',
    (p) => ({ name: t(`${p}.name`), role: t(`${p}.role`), country: t(`${p}.country`) }),
    (r) => blankText(r.name, r.role, r.country),
  );
  const sources = rows(
    body,
    'sources',
    (p) => ({
      attribution: t(`${p}.attribution`),
      name: t(`${p}.name`),
      wording: t(`${p}.wording`),
      url: t(`${p}.url`),
      note: t(`${p}.note`),
    }),
    (r) => blankText(r.attribution, r.name, r.wording, r.url, r.note),
  );
  const quotes = rows(
    body,
    'quotes',
    (p) => ({
      text: lines(t(`${p}.text`)),
      speaker: t(`${p}.speaker`),
      speakerInferred: t(`${p}.speakerInferred`) === 'on',
      context: t(`${p}.context`),
    }),
    (r) => blankText(r.text, r.speaker, r.context),
  );
  const lists = { relations, about, participants, sources, quotes };
  const blankRows = oneBlankEach();
  for (const list of FACT_LISTS) blankRows[list] = Math.min(Math.max(1, lists[list].blanks) + (addRow === list ? 1 : 0), 20);
  return {
    title: t('title'),
    kind: t('kind'),
    summary: lines(t('summary')),
    when: dateValues(body, 'when'),
    status: t('status') || 'happened',
    relations: relations.filled,
    about: about.filled,
    participants: participants.filled,
    sources: sources.filled,
    quotes: quotes.filled,
    location: { name: t('location.name'), country: t('location.country') },
    cameoCode: t('cameoCode'),
    publishedAt: t('publishedAt'),
    reason: lines(t('reason')),
    expectedVersion: t('expectedVersion'),
    blankRows,
  };
}

/** A stored date as the form shows it; a known time as the local time in its zone (or at its own offset without one). */
export function dateValuesOf(d: FactDate): DateValues {
  const v = { ...emptyDate(), precision: d.precision, certainty: d.certainty, wording: d.wording ?? '', timezone: d.timezone ?? '' };
  switch (d.precision) {
    case 'day':
      return { ...v, on: d.on, time: d.at ? localTime(d.at, d.timezone) : '' };
    case 'month':
    case 'year':
      return { ...v, on: d.on };
    case 'period':
      return { ...v, from: d.from, until: d.until };
    case 'bounded':
      return { ...v, onOrAfter: d.onOrAfter ?? '', onOrBefore: d.onOrBefore ?? '' };
  }
}

/** The fields of one list, as the form shows them. */
export function rowsOf(f: DiplomaticEventFields): FactRows {
  return {
    relations: f.relations.map((r) => ({ relation: r.relation, fact: r.fact })),
    about: f.about.map((a) => ({ label: a.label, date: dateValuesOf(a.date) })),
    participants: f.participants.map((p) => ({ name: p.name, role: p.role ?? '', country: p.country ?? '' })),
    sources: f.sources.map((s) => ({
      attribution: s.attribution,
      name: s.name ?? '',
      wording: s.wording ?? '',
      url: s.url ?? '',
      note: s.note ?? '',
    })),
    quotes: f.quotes.map((q) => ({ text: q.text, speaker: q.speaker, speakerInferred: q.speakerInferred, context: q.context ?? '' })),
  };
}

/** A fact's current version as the amend form starts from it. */
export function factValuesOf(f: DiplomaticEventFields, version: number): FactFormValues {
  return {
    ...emptyFactValues(),
    title: f.title,
    kind: f.kind,
    summary: f.summary ?? '',
    when: dateValuesOf(f.when),
    status: f.status,
    ...rowsOf(f),
    location: { name: f.location?.name ?? '', country: f.location?.country ?? '' },
    cameoCode: f.cameoCode ?? '',
    expectedVersion: String(version),
  };
}
