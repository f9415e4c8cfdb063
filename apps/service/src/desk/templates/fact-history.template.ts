import { html, SafeHtml } from '../../reader-page/html';
import { deskLayout, type DeskPage } from './desk-layout.template';
import type { DeskStoryRef } from './fact-form.template';

/** One version of a fact, as its history page shows it. */
export interface FactHistoryRow {
  readonly version: number;
  /** "Recorded", "Amended", "Retracted". */
  readonly kind: string;
  readonly recordedAt: string;
  readonly editor?: string;
  /** The reason of an amendment, the public note of a retraction. */
  readonly reason?: string;
  /** What the version set or changed, each field in words. */
  readonly fields: readonly { readonly name: string; readonly words: readonly string[] }[];
}

/** Every version of a fact, newest first: who saved it, when, why, and what it changed. */
export function renderFactHistory(
  page: DeskPage,
  story: DeskStoryRef,
  fact: { id: string; title: string; retracted: boolean },
  rows: readonly FactHistoryRow[],
): SafeHtml {
  return deskLayout(
    { ...page, title: `Fact history: ${fact.title}`, current: 'stories' },
    html`<h1>Fact history</h1>
<p class="lede">${fact.title}${fact.retracted ? ' (retracted)' : ''} · Story: <a href="/desk/stories/${story.id}#facts">${story.headline}</a>${
      fact.retracted ? '' : html` · <a href="/desk/stories/${story.id}/facts/${fact.id}/amendments">Amend</a>`
    }</p>
<ol reversed class="entries" id="versions">${[...rows].reverse().map(
      (r) => html`<li class="entry" id="version-${r.version}"><h2>Version ${r.version}</h2>
<p class="entry__meta"><span class="kind${r.kind === 'Retracted' ? ' kind--correction' : ''}">${r.kind}</span> <time datetime="${r.recordedAt}">${r.recordedAt.slice(0, 19).replace('T', ' ')} UTC</time> by ${r.editor ?? 'unknown'}</p>
${r.reason ? html`<p>${r.kind === 'Retracted' ? 'Public note' : 'Reason'}: ${r.reason}</p>` : ''}
${
  r.fields.length
    ? html`<details${r.kind === 'Amended' ? html` open` : ''}><summary>${r.kind === 'Recorded' ? 'What it recorded' : 'What it changed'}</summary>
<dl class="ops">${r.fields.map((f) => html`<dt>${f.name}</dt><dd>${f.words.map((w, i) => html`${i ? html`<br>` : ''}${w}`)}</dd>`)}</dl></details>`
    : ''
}</li>`,
    )}</ol>`,
  );
}
