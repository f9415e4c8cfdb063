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
}

/**
 * A labelled control with its hint and its problems beside it: the problems are tied to the
 * control (aria-describedby, aria-invalid), so a screen reader reads them with the field.
 */
export function field(o: FieldOptions): SafeHtml {
  const id = `f-${o.name}`;
  const problems = o.problems?.[o.name] ?? [];
  const described = [o.hint ? `${id}-hint` : '', problems.length ? `${id}-problem` : ''].filter(Boolean).join(' ');
  const attrs = html`id="${id}" name="${o.name}"${o.required ? trusted(' required') : ''}${
    described ? html` aria-describedby="${described}"` : ''
  }${problems.length ? trusted(' aria-invalid="true"') : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}`;
  return html`<div class="field"><label for="${id}">${o.label}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : ''}
${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('; ')}</p>` : ''}
${o.multiline ? html`<textarea ${attrs} rows="12">${o.value}</textarea>` : html`<input type="${o.type ?? 'text'}" ${attrs} value="${o.value}">`}
</div>`;
}

export function checkbox(name: string, label: string, checked: boolean, hint?: string): SafeHtml {
  return html`<div class="field"><div class="field--inline"><input type="checkbox" id="f-${name}" name="${name}" value="on"${
    checked ? trusted(' checked') : ''
  }${hint ? html` aria-describedby="f-${name}-hint"` : ''}><label for="f-${name}">${label}</label></div>
${hint ? html`<p class="hint" id="f-${name}-hint">${hint}</p>` : ''}</div>`;
}

/** Every problem of a form at the top, each a link to its field; `form` problems belong to none. */
export function problemSummary(problems: FieldProblems | undefined, labels: Record<string, string>): SafeHtml {
  const entries = Object.entries(problems ?? {}).filter(([, list]) => list.length > 0);
  if (entries.length === 0) return html``;
  return html`<div class="problems" role="alert" aria-labelledby="problems-h"><h2 id="problems-h">Nothing was saved: please fix ${
    entries.length === 1 ? 'this' : 'these'
  }</h2>
<ul>${entries.map(([name, list]) =>
    labels[name] ? html`<li><a href="#f-${name}">${labels[name]}</a>: ${list.join('; ')}</li>` : html`<li>${list.join('; ')}</li>`,
  )}</ul></div>`;
}

export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
