import { FACT_LISTS, type DateValues, type FactFormValues, type RelationRow } from './fact-form-values';
import type { FieldProblems } from './story-form';

const DATE_PARTS: readonly (keyof DateValues)[] = [
  'precision',
  'on',
  'from',
  'until',
  'onOrAfter',
  'onOrBefore',
  'time',
  'timezone',
  'certainty',
  'wording',
];
const ROW_PARTS: Record<(typeof FACT_LISTS)[number], readonly string[]> = {
  relations: ['relation', 'fact'],
  about: ['label', 'date'],
  participants: ['name', 'role', 'country'],
  sources: ['attribution', 'name', 'wording', 'url', 'note'],
  quotes: ['text', 'speaker', 'speakerInferred', 'context'],
};

/**
 * Every place of the form a problem can stand beside: each control by its name (the API's
 * property path), and each group of controls (`when`, `relations`, `about.0.date`) for a
 * problem of the whole group ("when needs onOrAfter, onOrBefore or both").
 */
export function problemTargets(v: FactFormValues): Set<string> {
  const out = new Set(['title', 'kind', 'summary', 'status', 'cameoCode', 'publishedAt', 'reason', 'location', 'location.name']);
  out.add('location.country');
  const date = (p: string) => [p, ...DATE_PARTS.map((d) => `${p}.${d}`)].forEach((x) => out.add(x));
  date('when');
  for (const list of FACT_LISTS) {
    out.add(list);
    v[list].forEach((_, i) => {
      out.add(`${list}.${i}`);
      for (const part of ROW_PARTS[list]) out.add(`${list}.${i}.${part}`);
      if (list === 'about') date(`about.${i}.date`);
    });
  }
  return out;
}

/**
 * Each message of the API beside what it names. A message starts with the property path it is
 * about (`when.onOrBefore must be …`, `changes.relations.0.fact …` in an amendment): the longest
 * part of that path the form has a place for takes it; the API's `at` is the form's local time.
 * A message about the order of facts names them by id instead: it goes to the relation that
 * chose the fact it names. Whatever names nothing of the form belongs to the form as a whole.
 */
export function placeProblems(messages: readonly string[], targets: ReadonlySet<string>, relations: readonly RelationRow[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const m of messages) {
    const path = (m.split(' ', 1)[0] ?? '').replace(/^changes\./, '').replace(/(^|\.)at$/, '$1time');
    const segments = path.split('.');
    let key: string | undefined;
    for (let n = segments.length; n > 0 && !key; n--) {
      const candidate = segments.slice(0, n).join('.');
      if (targets.has(candidate)) key = candidate;
    }
    if (!key) {
      const row = relations.findIndex((r) => r.fact !== '' && m.toLowerCase().includes(r.fact.toLowerCase()));
      key = row >= 0 ? `relations.${row}.fact` : 'form';
    }
    (problems[key] ??= []).push(m);
  }
  return problems;
}

const NAMES: Record<string, string> = {
  title: 'Title',
  kind: 'Kind',
  summary: 'Summary',
  status: 'Status',
  cameoCode: 'CAMEO code',
  publishedAt: 'As published at',
  reason: 'Reason for the amendment',
  when: 'When',
  location: 'Place',
  relations: 'Order against other facts',
  about: 'Dates it is about',
  participants: 'Participants',
  sources: 'Sources',
  quotes: 'Quotes',
};
const ROWS: Record<string, string> = {
  relations: 'Relation',
  about: 'Date it is about',
  participants: 'Participant',
  sources: 'Source',
  quotes: 'Quote',
};
const PARTS: Record<string, string> = {
  precision: 'how precisely',
  on: 'on',
  from: 'from',
  until: 'until',
  onOrAfter: 'on or after',
  onOrBefore: 'on or before',
  time: 'local time',
  timezone: 'time zone',
  certainty: 'certainty',
  wording: 'the text’s words',
  label: 'what the date is',
  date: 'date',
  relation: 'order',
  fact: 'other fact',
  name: 'name',
  role: 'role',
  country: 'country',
  attribution: 'attribution',
  url: 'link',
  note: 'note',
  text: 'text',
  speaker: 'speaker',
  speakerInferred: 'speaker inferred',
  context: 'context',
};

/** The words for a place of the form in the problem summary: "When: on or before", "Participant 2: country". */
export function targetLabel(key: string, overrides: Record<string, string> = {}): string {
  if (overrides[key]) return overrides[key];
  const [head, ...rest] = key.split('.');
  let label = NAMES[head] ?? head;
  if (ROWS[head] && /^\d+$/.test(rest[0] ?? '')) label = `${ROWS[head]} ${Number(rest.shift()) + 1}`;
  return rest.length === 0 ? label : `${label}: ${rest.map((p) => PARTS[p] ?? p).join(', ')}`;
}
