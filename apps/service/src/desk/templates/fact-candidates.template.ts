import { factDateWords, formatInstantUtc } from '@dateline/domain';
import type { CandidateFlag } from '@dateline/fact-finder';
import type { FactCandidateView } from '@dateline/projections';
import { html, SafeHtml, trusted } from '../../reader-page/html';
import { deskLayout, type DeskPage } from './desk-layout.template';
import { csrfField } from './form-fields.template';

export interface CandidatePanelPage {
  readonly page: DeskPage;
  readonly csrf: string;
  readonly story: { readonly id: string; readonly headline: string };
  /** The revision shown: its body, the candidates' evidence points into it. */
  readonly revision: { readonly revision: number; readonly body: string; readonly publishedAt: string };
  /** Every revision of the story, for moving between them. */
  readonly revisions: readonly number[];
  readonly candidates: readonly FactCandidateView[];
  /** A dismissal refused (no reason): its problems, and what the editor had written, by candidate id. */
  readonly dismissal?: { readonly candidateId: string; readonly reason: string; readonly problems: readonly string[] };
  readonly notice?: string;
}

/** The retraction a candidate proposes, if it does: the fact whose sentence is gone, and that sentence. */
const retractionOf = (c: FactCandidateView) =>
  c.flags.find((f): f is Extract<CandidateFlag, { flag: 'retracts' }> => f.flag === 'retracts');

/** The element id of a candidate's evidence in the text, and of its entry in the list. */
const markId = (c: FactCandidateView) => `evidence-${c.id}`;
const itemId = (c: FactCandidateView) => `candidate-${c.id}`;

/**
 * The revision's text with each candidate's evidence marked. Evidence spans may overlap (one
 * sentence can carry several facts): a span that starts inside a mark already made gets no mark
 * of its own, and its link goes to the mark it lies in. Answers the text and, by candidate id, the
 * mark its link goes to; a retraction candidate (an empty span: its words are gone) has none.
 */
export function markedText(body: string, candidates: readonly FactCandidateView[]): { text: SafeHtml; targets: Map<string, string> } {
  const spans = candidates
    .filter((c) => c.evidence.end > c.evidence.start)
    .sort((a, b) => a.evidence.start - b.evidence.start || b.evidence.end - a.evidence.end);
  const targets = new Map<string, string>();
  const parts: SafeHtml[] = [];
  let at = 0;
  let last: { id: string; end: number } | undefined;
  for (const c of spans) {
    if (last && c.evidence.start < last.end) {
      targets.set(c.id, last.id);
      continue;
    }
    parts.push(html`${body.slice(at, c.evidence.start)}`);
    parts.push(html`<mark id="${markId(c)}" tabindex="-1">${body.slice(c.evidence.start, c.evidence.end)}</mark>`);
    targets.set(c.id, markId(c));
    last = { id: markId(c), end: c.evidence.end };
    at = c.evidence.end;
  }
  parts.push(html`${body.slice(at)}`);
  return { text: html`${parts}`, targets };
}

function flagWords(c: FactCandidateView): string[] {
  return c.flags.map((f) =>
    f.flag === 'possible-duplicate'
      ? 'may duplicate a fact already recorded'
      : f.flag === 'amends'
        ? 'changes the sentence of a recorded fact: amend that fact rather than record another'
        : 'the sentence of a recorded fact is gone: retract that fact',
  );
}

function reviewPart(v: CandidatePanelPage, c: FactCandidateView): SafeHtml {
  const base = `/desk/stories/${v.story.id}`;
  const name = html`<span class="visually-hidden"> “${c.proposed.title}”</span>`;
  if (c.review.state === 'accepted')
    return html`<p class="candidate-state">Accepted as a fact${c.review.editor ? html` by ${c.review.editor}` : ''}: <a href="${base}/facts/${c.review.factId}/history">its history${name}</a></p>`;
  if (c.review.state === 'dismissed')
    return html`<p class="candidate-state">Dismissed${c.review.editor ? html` by ${c.review.editor}` : ''}: ${c.review.reason}</p>`;
  const retracts = retractionOf(c);
  const refused = v.dismissal?.candidateId === c.id ? v.dismissal : undefined;
  return html`<div class="candidate-actions">
${
  retracts
    ? html`<p class="actions"><a href="${base}/facts/${retracts.fact}/retraction">Retract the fact${name}</a></p>`
    : html`<form method="post" action="${base}/candidates/${c.id}/acceptance" class="actions">
${csrfField(v.csrf)}<input type="hidden" name="intent" value="as-proposed">
<button type="submit">Accept as proposed${name}</button>
<a href="${base}/candidates/${c.id}/acceptance">Edit, then accept${name}</a>
</form>`
}
<form method="post" action="${base}/candidates/${c.id}/dismissal" class="dismissal" novalidate>
${csrfField(v.csrf)}
${reasonField(c, refused)}
<div class="actions"><button type="submit" class="secondary">Dismiss${name}</button></div>
</form>
</div>`;
}

/** The dismissal's reason: one per candidate on the page, so its id is the candidate's; its name is the API's (`reason`). */
function reasonField(c: FactCandidateView, refused: CandidatePanelPage['dismissal']): SafeHtml {
  const id = `reason-${c.id}`;
  const problems = refused?.problems ?? [];
  const described = problems.length ? `${id}-hint ${id}-problem` : `${id}-hint`;
  return html`<div class="field"><label for="${id}">Why dismiss “${c.proposed.title}”?</label>
<p class="hint" id="${id}-hint">Required: kept with the review.</p>
${problems.length ? html`<p class="problem" id="${id}-problem">${problems.join('; ')}</p>` : ''}
<input type="text" id="${id}" name="reason" required aria-describedby="${described}"${problems.length ? trusted(' aria-invalid="true"') : ''} value="${refused?.reason ?? ''}">
</div>`;
}

/** The fact candidates of one revision beside its text: each evidence marked, each candidate with accept, edit and dismiss. */
export function renderCandidatePanel(v: CandidatePanelPage): SafeHtml {
  const { text, targets } = markedText(v.revision.body, v.candidates);
  const base = `/desk/stories/${v.story.id}`;
  const title = `Fact candidates of revision ${v.revision.revision}`;
  return deskLayout(
    { ...v.page, title, current: 'stories' },
    html`<h1>${title}</h1>
<p class="lede">Story: <a href="${base}">${v.story.headline}</a> · published ${formatInstantUtc(v.revision.publishedAt)}</p>
${v.revisions.length > 1 ? html`<nav aria-label="Revisions" class="revision-nav"><ul>${v.revisions.map((n) => html`<li><a href="${base}/candidates?revision=${n}"${n === v.revision.revision ? trusted(' aria-current="page"') : ''}>Revision ${n}</a></li>`)}</ul></nav>` : ''}
${v.notice ? html`<p class="notice" role="status" id="panel-notice">${v.notice}</p>` : ''}
<div class="side-by-side candidate-panel">
<section aria-labelledby="candidates-h" id="candidates"><h2 id="candidates-h">Candidates</h2>
${
  v.candidates.length === 0
    ? html`<p>This revision adds or changes no sentence with a dated fact in it.</p>`
    : html`<ol class="candidate-list">${v.candidates.map((c) => {
        const target = targets.get(c.id);
        const flags = flagWords(c);
        return html`<li class="candidate candidate--${c.review.state}" id="${itemId(c)}"><h3>${c.proposed.title}</h3>
<p>${target ? html`<a href="#${target}">Evidence in paragraph ${c.evidence.paragraph}</a>: ` : html`Paragraph ${c.evidence.paragraph}: `}“${c.evidence.text || retractionOf(c)?.removedSentence || ''}”</p>
<p class="fact-meta"><span>${factDateWords(c.proposed.when)}</span> <span>Kind: ${c.proposed.kind}</span> <span>Status: ${c.proposed.status}</span> <span>Confidence ${Math.round(c.confidence * 100)}%</span></p>
${flags.length ? html`<p class="candidate-flags">${flags.join('; ')}</p>` : ''}
${reviewPart(v, c)}</li>`;
      })}</ol>`
}
</section>
<section aria-labelledby="text-h" id="revision-text"><h2 id="text-h">Text of revision ${v.revision.revision}</h2>
<div class="revision-text">${text}</div>
</section>
</div>`,
  );
}
