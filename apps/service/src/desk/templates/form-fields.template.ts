import { html, SafeHtml, trusted } from '../../reader-page/html';
import type { FieldProblems } from '../story-form';

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly problems?: FieldProblems;
  readonly hint?: string;
  readonly multiline?: boolean;
  readonly required?: boolean;
  readonly type?: 'text' | 'password' | 'search';
  readonly autocomplete?: string;
  /** The id of a <datalist> the input suggests from. */
  readonly list?: string;
  readonly inputmode?: 'numeric' | 'url';
  /** A textarea's height in lines (12 unless said). */
  readonly rows?: number;
  /** The precisions of a date a control belongs to: the desk script hides it for the others. */
  readonly precisions?: string;
}

/** A control's id from its name: `when.onOrBefore` → `f-when-onOrBefore` (an id a fragment link and CSS can use as is). */
export function fieldId(name: string): string {
  return `f-${name.replace(/\./g, '-')}`;
}

/**
 * A labelled control with its hint and its problems beside it: the problems are tied to the
 * control (aria-describedby, aria-invalid), so a screen reader reads them with the field.
 */
export function field(o: FieldOptions): SafeHtml {
  const id = fieldId(o.name);
  const problems = o.problems?.[o.name] ?? [];
  const described = [o.hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${id}" name="${o.name}"${o.required ? trusted(' required') : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${problems.length ? trusted(' aria-invalid="true"') : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}${
    o.list ? html` list="${o.list}"` : ''
  }${o.inputmode ? html` inputmode="${o.inputmode}"` : ''}`;
  return html`<div class="field"${o.precisions ? html` data-precisions="${o.precisions}"` : ''}><label for="${id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('; ')}</p>` : ''}
${o.multiline ? html`<textarea ${attrs} rows="${o.rows ?? 12}">${o.value}</textarea>` : html`<input type="${o.type ?? 'text'}" ${attrs} value="${o.value}">`}
</div>`;
}

export function checkbox(name: string, label: string, checked: boolean, hint?: string): SafeHtml {
  const id = fieldId(name);
  return html`<div class="field"><div class="field--inline"><input type="checkbox" id="${id}" name="${name}" value="on"${
    checked ? trusted(' checked') : ''
  }${hint ? html` aria-describedby="${id}-hint"` : ''}><label for="${id}">${label}</label></div>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}</div>`;
}

export interface SelectOptions {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  /** [value, words]; a value '' is the "choose one" option. */
  readonly options: readonly (readonly [string, string])[];
  readonly problems?: FieldProblems;
  readonly hint?: string;
  readonly required?: boolean;
}

/** A labelled select with its hint and problems, tied to it as in field(). */
export function selectField(o: SelectOptions): SafeHtml {
  const id = fieldId(o.name);
  const problems = o.problems?.[o.name] ?? [];
  const described = [o.hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
  // A value the options do not hold (a post made by hand) is kept, so the editor sees what was sent.
  const options = o.options.some(([v]) => v === o.value) ? o.options : [...o.options, [o.value, o.value] as const];
  return html`<div class="field"><label for="${id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('; ')}</p>` : ''}
<select id="${id}" name="${o.name}"${o.required ? trusted(' required') : ''}${described ? html` aria-describedby="${described}"` : ''}${
    problems.length ? trusted(' aria-invalid="true"') : ''
  }>${options.map(([v, words]) => html`<option value="${v}"${v === o.value ? trusted(' selected') : ''}>${words}</option>`)}</select>
</div>`;
}

/** Problems of a group of controls (a fieldset), shown at its top; `id` is what its fieldset's aria-describedby names. */
export function groupProblems(problems: FieldProblems | undefined, key: string): SafeHtml {
  const list = problems?.[key] ?? [];
  return list.length ? html`<p class="problem" id="${fieldId(key)}-problem">${list.join('; ')}</p>` : html``;
}

/** Every problem of a form at the top, each a link to its field; `form` problems belong to none. */
export function problemSummary(problems: FieldProblems | undefined, labels: Record<string, string>): SafeHtml {
  const entries = Object.entries(problems ?? {}).filter(([, list]) => list.length > 0);
  if (entries.length === 0) return html``;
  return html`<div class="problems" role="alert" aria-labelledby="problems-h"><h2 id="problems-h">Nothing was saved: please fix ${
    entries.length === 1 ? 'this' : 'these'
  }</h2>
<ul>${entries.map(([name, list]) =>
    labels[name] ? html`<li><a href="#${fieldId(name)}">${labels[name]}</a>: ${list.join('; ')}</li>` : html`<li>${list.join('; ')}</li>`,
  )}</ul></div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
