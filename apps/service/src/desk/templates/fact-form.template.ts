import { CAMEO_CODEBOOK, EVENT_KINDS, FACT_STATUSES } from '@dateline/domain';
import { html, SafeHtml, trusted } from '../../reader-page/html';
import type { FactFormValues } from '../fact-form-values';
import { targetLabel } from '../fact-problems';
import type { FieldProblems } from '../story-form';
import { deskLayout, type DeskPage } from './desk-layout.template';
import { csrfField, field, problemSummary, selectField } from './form-fields.template';
import { dateFields, listFields } from './fact-rows.template';

export interface DeskStoryRef {
  readonly id: string;
  readonly headline: string;
}

/** What another editor changed since the version this form started from (a 409), and what the editor changed. */
export interface FactConflict {
  readonly base: number;
  readonly current: number;
  /** The versions saved since, with who saved them and why. */
  readonly versions: readonly { readonly version: number; readonly editor?: string; readonly reason?: string; readonly kind: string }[];
  /** Each field they changed, with its value now, in words. */
  readonly theirs: readonly { readonly field: string; readonly words: readonly string[] }[];
  /** The fields this editor changed (kept in the form). */
  readonly yours: readonly string[];
}

export interface FactFormPage {
  readonly page: DeskPage;
  readonly csrf: string;
  readonly story: DeskStoryRef;
  readonly values: FactFormValues;
  /** Absent for a new fact. */
  readonly fact?: { readonly id: string; readonly version: number };
  /** The story's other facts a relation may name: [id, words]. */
  readonly others: readonly (readonly [string, string])[];
  readonly problems?: FieldProblems;
  readonly notice?: string;
  /** Filled from the saved fact (a GET): the script may put a draft back in it. */
  readonly fresh?: boolean;
  readonly conflict?: FactConflict;
  /** Accepting a fact candidate: the form is its proposed fields, and saving records the fact with its provenance. */
  readonly candidate?: { readonly id: string; readonly revision: number; readonly evidence: string };
}

const KINDS = [['', 'Choose one'] as const, ...EVENT_KINDS.map((k) => [k, k.charAt(0).toUpperCase() + k.slice(1)] as const)];
const STATUS_WORDS: Record<(typeof FACT_STATUSES)[number], string> = {
  happened: 'Happened',
  expected: 'Expected (planned, not yet reported as done)',
  cancelled: 'Cancelled',
  postponed: 'Postponed',
  'did-not-happen': 'Did not happen',
};

/** The codebook as suggestions: each code with its name, so that typing either finds it. */
const CAMEO_OPTIONS = trusted(CAMEO_CODEBOOK.map((c) => html`<option value="${c.code} ${c.name}"></option>`.value).join(''));

/** What the CAMEO input shows for a stored code: the code and its name, as the list offers it. */
function cameoValue(value: string): string {
  const known = CAMEO_CODEBOOK.find((c) => c.code === value.trim());
  return known ? `${known.code} ${known.name}` : value;
}

function conflictSection(c: FactConflict): SafeHtml {
  return html`<section class="notice notice--warn" aria-labelledby="conflict-h" id="conflict">
<h2 id="conflict-h">Someone changed this fact first</h2>
<p>You started from version ${c.base}; it is at version ${c.current} now. Nothing was saved yet and nothing of yours was lost: the form keeps your changes${
    c.yours.length ? html` (${c.yours.map((k) => targetLabel(k)).join(', ')})` : ''
  } and shows their version of everything else. Check it, then save on top of version ${c.current}.</p>
<ul>${c.versions.map(
    (v) => html`<li>Version ${v.version}: ${v.kind} by ${v.editor ?? 'another editor'}${v.reason ? html` (“${v.reason}”)` : ''}</li>`,
  )}</ul>
</section>
${
  c.theirs.length
    ? html`<section aria-labelledby="theirs-h" id="theirs" class="preview"><h2 id="theirs-h">What they changed</h2>
<dl class="ops">${c.theirs.map((t) => html`<dt>${targetLabel(t.field)}</dt><dd>${t.words.map((w, i) => html`${i ? html`<br>` : ''}${w}`)}</dd>`)}</dl></section>`
    : ''
}`;
}

/** The fact form, to add a fact to a story or amend one: every part of the model, each control labelled, no script needed. */
export function renderFactForm(v: FactFormPage): SafeHtml {
  const amending = v.fact !== undefined;
  const accepting = v.candidate;
  const base = `/desk/stories/${v.story.id}/facts`;
  const panel = accepting && `/desk/stories/${v.story.id}/candidates?revision=${accepting.revision}`;
  const action = amending
    ? `${base}/${v.fact.id}/amendments`
    : accepting
      ? `/desk/stories/${v.story.id}/candidates/${accepting.id}/acceptance`
      : base;
  const title = amending ? `Amend: ${v.values.title || 'a fact'}` : accepting ? 'Accept a fact candidate' : 'Add a fact';
  const heading = amending ? 'Amend a fact' : accepting ? 'Accept a fact candidate' : 'Add a fact';
  const draftKey = amending ? `fact-${v.fact.id}` : accepting ? `candidate-${accepting.id}` : `fact-new-${v.story.id}`;
  const p = v.problems;
  const c = { problems: p, action, others: v.others };
  const labels = Object.fromEntries(Object.keys(p ?? {}).map((k) => [k, targetLabel(k)]));
  delete labels.form;
  return deskLayout(
    { ...v.page, title, current: 'stories' },
    html`<h1>${heading}</h1>
<p class="lede">Story: <a href="/desk/stories/${v.story.id}">${v.story.headline}</a>${
      amending ? html` · current version ${v.fact.version} · <a href="${base}/${v.fact.id}/history">Fact history</a>` : ''
    }</p>
${accepting ? html`<blockquote class="candidate-evidence"><p>“${accepting.evidence}”</p><footer>Revision ${accepting.revision}: the fact finder's proposal below. Edit what it got wrong, then accept.</footer></blockquote>` : ''}
${v.notice ? html`<p class="notice" role="status" id="form-notice">${v.notice}</p>` : ''}
${problemSummary(p, labels)}
${v.conflict ? conflictSection(v.conflict) : ''}
<form class="desk fact-form" method="post" action="${action}" data-draft-key="${draftKey}"${
      v.fresh ? trusted(' data-fresh="true"') : ''
    } aria-label="${title}" novalidate>
${csrfField(v.csrf)}
<button type="submit" name="intent" value="save" hidden tabindex="-1">Save</button>
${amending ? html`<input type="hidden" name="expectedVersion" value="${v.values.expectedVersion}">` : ''}
${field({ name: 'title', label: 'Title', value: v.values.title, required: true, problems: p, hint: 'What happened, in a line.' })}
${selectField({ name: 'kind', label: 'Kind', value: v.values.kind, options: KINDS, required: true, problems: p })}
${field({ name: 'summary', label: 'Summary', value: v.values.summary, multiline: true, rows: 4, problems: p, hint: 'Optional.' })}
${dateFields('when', 'When it happened', v.values.when, p)}
${selectField({ name: 'status', label: 'Status', value: v.values.status, options: FACT_STATUSES.map((s) => [s, STATUS_WORDS[s]] as const), problems: p, hint: 'Whether it took place: a plan the text reports is expected.' })}
${listFields('relations', v.values.relations, v.values.blankRows.relations, c)}
${listFields('about', v.values.about, v.values.blankRows.about, c)}
${listFields('participants', v.values.participants, v.values.blankRows.participants, c)}
${listFields('sources', v.values.sources, v.values.blankRows.sources, c)}
${listFields('quotes', v.values.quotes, v.values.blankRows.quotes, c)}
<fieldset id="f-location" class="list"><legend>Place</legend>
${p?.location?.length ? html`<p class="problem" id="f-location-problem">${p.location.join('; ')}</p>` : ''}
<div class="row-fields">
${field({ name: 'location.name', label: 'Place name', value: v.values.location.name, problems: p, hint: 'Optional, e.g. Istanbul.' })}
${field({ name: 'location.country', label: 'Country', value: v.values.location.country, problems: p, hint: 'Optional: two capital letters, e.g. TR.' })}
</div></fieldset>
${field({ name: 'cameoCode', label: 'CAMEO code', value: cameoValue(v.values.cameoCode), list: 'cameo-codes', problems: p, hint: 'Optional: type a code or words of its name (e.g. negotiation) and choose from the codebook’s list.' })}
<datalist id="cameo-codes">${CAMEO_OPTIONS}</datalist>
${field({ name: 'publishedAt', label: 'As published at', value: v.values.publishedAt, problems: p, hint: 'Optional: when the newsroom published it, e.g. 2025-05-16T10:40:00Z. Empty: now.' })}
${amending ? field({ name: 'reason', label: 'Reason for the amendment', value: v.values.reason, multiline: true, rows: 3, required: true, problems: p, hint: 'Kept in the fact’s history.' }) : ''}
<p class="draft-status" id="draft-status" aria-live="polite"></p>
<div class="actions">
<button type="submit" name="intent" value="save">${v.conflict ? `Save on top of version ${v.conflict.current}` : amending ? 'Save the amendment' : accepting ? 'Accept and record the fact' : 'Record the fact'}</button>
<a href="${panel && accepting ? `${panel}#candidate-${accepting.id}` : `/desk/stories/${v.story.id}#facts`}">Cancel</a>
</div>
</form>`,
  );
}
