import { ATTRIBUTIONS, FACT_RELATIONS } from '@dateline/domain';
import { html, SafeHtml, trusted } from '../../reader-page/html';
import {
  emptyDate,
  type AboutRow,
  type DateValues,
  type FactList,
  type ParticipantRow,
  type QuoteRow,
  type RelationRow,
  type SourceRow,
} from '../fact-form-values';
import type { FieldProblems } from '../story-form';
import { checkbox, field, fieldId, groupProblems, selectField } from './form-fields.template';

const PRECISIONS = [
  ['day', 'On a day'],
  ['month', 'Some time in a month'],
  ['year', 'Some time in a year'],
  ['period', 'Over a period, every day of it'],
  ['bounded', 'On one day within bounds (on or after, on or before)'],
] as const;

const RELATION_WORDS: Record<(typeof FACT_RELATIONS)[number], string> = {
  before: 'Before',
  after: 'After',
  'same-day': 'On the same day as',
};

export const ATTRIBUTION_WORDS: Record<(typeof ATTRIBUTIONS)[number], string> = {
  'own-reporting': 'Own reporting',
  'named-source': 'Named source',
  'unnamed-source': 'Unnamed source',
  reportedly: 'Reportedly',
  'party-claim': 'Party claim',
};

/** A group's fieldset attributes: its id (the problem summary links to it), and its problem tied to it. */
function group(key: string, problems: FieldProblems | undefined, cls: string): SafeHtml {
  const described = problems?.[key]?.length ? html` aria-describedby="${fieldId(key)}-problem"` : '';
  return html`id="${fieldId(key)}" class="${cls}"${described}`;
}

/** Radio buttons in a fieldset, its legend the label. */
export function radios(
  name: string,
  legend: string,
  value: string,
  options: readonly (readonly [string, string])[],
  problems?: FieldProblems,
): SafeHtml {
  return html`<fieldset ${group(name, problems, 'choices-group')}><legend>${legend}</legend>${groupProblems(problems, name)}
<div class="choices">${options.map(
    ([v, words]) =>
      html`<label><input type="radio" id="${fieldId(name)}-${v}" name="${name}" value="${v}"${v === value ? trusted(' checked') : ''}> ${words}</label>`,
  )}</div></fieldset>`;
}

/**
 * A date as the API's FactDate: how precisely, then the inputs each precision needs. Without
 * JavaScript all of them show, each saying which precision it is for; the desk script shows only
 * those of the chosen precision and disables the others, so they are not sent.
 */
export function dateFields(prefix: string, legend: string, d: DateValues, problems?: FieldProblems): SafeHtml {
  const f = (name: keyof DateValues, label: string, precisions: string, hint?: string) =>
    field({ name: `${prefix}.${name}`, label, value: d[name], problems, hint, precisions, inputmode: 'numeric' });
  return html`<fieldset ${group(prefix, problems, 'date-fields')} data-date><legend>${legend}</legend>${groupProblems(problems, prefix)}
${selectField({ name: `${prefix}.precision`, label: 'How precisely the text dates it', value: d.precision, options: PRECISIONS, problems })}
<div class="date-inputs">
${f('on', 'On', 'day month year', 'A day 2025-05-16, a month 2025-05 or a year 2025.')}
${f('from', 'From', 'period', 'Period: its first day, YYYY-MM-DD.')}
${f('until', 'Until', 'period', 'Period: its last day, YYYY-MM-DD.')}
${f('onOrAfter', 'On or after', 'bounded', 'Bounds: the earliest day, YYYY-MM-DD (optional if the latest is given).')}
${f('onOrBefore', 'On or before', 'bounded', 'Bounds: the latest day, YYYY-MM-DD (optional if the earliest is given).')}
${f('time', 'Local time', 'day', 'Optional, a day only: HH:MM on the place’s clock.')}
${field({ name: `${prefix}.timezone`, label: 'Time zone', value: d.timezone, problems, hint: 'Optional: the place’s IANA zone, e.g. Europe/Istanbul.' })}
</div>
${radios(`${prefix}.certainty`, 'Certainty', d.certainty, [
  ['explicit', 'Explicit: the text states it'],
  ['inferred', 'Inferred: worked out from the text'],
])}
${field({ name: `${prefix}.wording`, label: 'The text’s own words for when', value: d.wording, problems, hint: 'Optional, e.g. “earlier in the day”.' })}
</fieldset>`;
}

export interface RowsContext {
  readonly problems?: FieldProblems;
  /** The form's action: "Add another" posts to it, and comes back to its list. */
  readonly action: string;
  /** Facts of the story a relation may name: [id, words]. */
  readonly others: readonly (readonly [string, string])[];
}

function relationRow(r: RelationRow, i: number, c: RowsContext): SafeHtml {
  const p = `relations.${i}`;
  return html`<fieldset ${group(p, c.problems, 'row')}><legend>Relation ${i + 1}</legend>${groupProblems(c.problems, p)}<div class="row-fields">
${selectField({ name: `${p}.relation`, label: 'This fact happened', value: r.relation, options: FACT_RELATIONS.map((x) => [x, RELATION_WORDS[x]] as const), problems: c.problems })}
${selectField({ name: `${p}.fact`, label: 'Other fact of this story', value: r.fact, options: [['', 'None (leave this row empty)'], ...c.others], problems: c.problems })}
</div></fieldset>`;
}

function aboutRow(a: AboutRow, i: number, c: RowsContext): SafeHtml {
  const p = `about.${i}`;
  return html`<fieldset ${group(p, c.problems, 'row')}><legend>Date it is about ${i + 1}</legend>${groupProblems(c.problems, p)}
${field({ name: `${p}.label`, label: 'What happens on that date', value: a.label, problems: c.problems, hint: 'e.g. “proposed start of the ceasefire”.' })}
${dateFields(`${p}.date`, 'Its date', a.date, c.problems)}
</fieldset>`;
}

function participantRow(x: ParticipantRow, i: number, c: RowsContext): SafeHtml {
  const p = `participants.${i}`;
  return html`<fieldset ${group(p, c.problems, 'row')}><legend>Participant ${i + 1}</legend>${groupProblems(c.problems, p)}<div class="row-fields">
${field({ name: `${p}.name`, label: 'Name', value: x.name, problems: c.problems })}
${field({ name: `${p}.role`, label: 'Role', value: x.role, problems: c.problems, hint: 'Optional.' })}
${field({ name: `${p}.country`, label: 'Country', value: x.country, problems: c.problems, hint: 'Optional: two capital letters, e.g. UA.' })}
</div></fieldset>`;
}

function sourceRow(s: SourceRow, i: number, c: RowsContext): SafeHtml {
  const p = `sources.${i}`;
  const levels = [['', 'Choose one'] as const, ...ATTRIBUTIONS.map((a) => [a, ATTRIBUTION_WORDS[a]] as const)];
  return html`<fieldset ${group(p, c.problems, 'row')}><legend>Source ${i + 1}</legend>${groupProblems(c.problems, p)}<div class="row-fields">
${selectField({ name: `${p}.attribution`, label: 'Attribution', value: s.attribution, options: levels, problems: c.problems })}
${field({ name: `${p}.name`, label: 'Name', value: s.name, problems: c.problems, hint: 'The outlet, person or party; needed for a named source or a party claim.' })}
${field({ name: `${p}.wording`, label: 'The article’s wording', value: s.wording, problems: c.problems, hint: 'Optional, e.g. “according to Sky News”.' })}
${field({ name: `${p}.url`, label: 'Link', value: s.url, problems: c.problems, hint: 'Optional.', inputmode: 'url' })}
${field({ name: `${p}.note`, label: 'Note', value: s.note, problems: c.problems, hint: 'Optional.' })}
</div></fieldset>`;
}

function quoteRow(q: QuoteRow, i: number, c: RowsContext): SafeHtml {
  const p = `quotes.${i}`;
  return html`<fieldset ${group(p, c.problems, 'row')}><legend>Quote ${i + 1}</legend>${groupProblems(c.problems, p)}
${field({ name: `${p}.text`, label: 'Quoted words', value: q.text, problems: c.problems, multiline: true, rows: 3 })}
<div class="row-fields">
${field({ name: `${p}.speaker`, label: 'Speaker', value: q.speaker, problems: c.problems })}
${field({ name: `${p}.context`, label: 'Context', value: q.context, problems: c.problems, hint: 'Optional.' })}
</div>
${checkbox(`${p}.speakerInferred`, 'The speaker is inferred', q.speakerInferred, 'The text does not plainly say who said it.')}
</fieldset>`;
}

interface ListSpec<T> {
  readonly legend: string;
  readonly hint: string;
  readonly add: string;
  readonly empty: () => T;
  readonly row: (value: T, i: number, c: RowsContext) => SafeHtml;
}

const LISTS: { [K in FactList]: ListSpec<RowsOf<K>> } = {
  relations: {
    legend: 'Order against the story’s other facts',
    hint: 'Optional. Only the facts of this story can be chosen.',
    add: 'Add another relation',
    empty: () => ({ relation: 'before', fact: '' }),
    row: relationRow,
  },
  about: {
    legend: 'Dates it is about',
    hint: 'Optional: dates the fact names apart from when it happened, such as the start of a proposed ceasefire.',
    add: 'Add another date',
    empty: () => ({ label: '', date: emptyDate() }),
    row: aboutRow,
  },
  participants: {
    legend: 'Participants',
    hint: 'Optional.',
    add: 'Add another participant',
    empty: () => ({ name: '', role: '', country: '' }),
    row: participantRow,
  },
  sources: {
    legend: 'Sources',
    hint: 'Who the fact rests on, each with how the article attributes it.',
    add: 'Add another source',
    empty: () => ({ attribution: '', name: '', wording: '', url: '', note: '' }),
    row: sourceRow,
  },
  quotes: {
    legend: 'Quotes',
    hint: 'Optional.',
    add: 'Add another quote',
    empty: () => ({ text: '', speaker: '', speakerInferred: false, context: '' }),
    row: quoteRow,
  },
};

type RowsOf<K extends FactList> = {
  relations: RelationRow;
  about: AboutRow;
  participants: ParticipantRow;
  sources: SourceRow;
  quotes: QuoteRow;
}[K];

/**
 * One list of the form: its filled rows, then `blanks` empty ones, and "Add another", a submit
 * button that brings the form back with one more empty row (no script needed), at this list.
 */
export function listFields<K extends FactList>(list: K, rows: readonly RowsOf<K>[], blanks: number, c: RowsContext): SafeHtml {
  const spec = LISTS[list] as ListSpec<RowsOf<K>>;
  const all = [...rows, ...Array.from({ length: blanks }, () => spec.empty())];
  return html`<fieldset ${group(list, c.problems, 'list')}><legend>${spec.legend}</legend>
<p class="hint">${spec.hint}</p>${groupProblems(c.problems, list)}
${all.map((r, i) => spec.row(r, i, c))}
<div class="actions"><button type="submit" class="secondary" name="intent" value="add-${list}" formaction="${c.action}#${fieldId(list)}">${spec.add}</button></div>
</fieldset>`;
}
