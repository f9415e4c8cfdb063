import { html, SafeHtml } from '../../reader-page/html';
import { deskLayout, type DeskPage } from './desk-layout.template';
import type { WordDiff } from './story-form.template';
import { part } from '../../reader-page/templates/story-page.template';

export interface HistoryRow {
  readonly revision: number;
  readonly recordedAt: string;
  readonly kind: string;
  readonly editor?: string;
  readonly changeNote?: string;
  readonly boring: boolean;
  /** Against the revision before; absent for the first. */
  readonly diff?: WordDiff;
}

/** Every revision of a story, newest first, each with its word diff against the one before (a disclosure: no script needed). */
export function renderStoryHistory(page: DeskPage, story: { id: string; headline: string }, rows: readonly HistoryRow[]): SafeHtml {
  return deskLayout(
    { ...page, title: `History: ${story.headline}`, current: 'stories' },
    html`<h1>Revision history</h1>
<p class="lede">${story.headline} · <a href="/desk/stories/${story.id}">Revise</a> · <a href="/stories/${story.id}">Reader page</a></p>
<ol reversed class="entries" id="revisions">${[...rows].reverse().map(
      (r) => html`<li class="entry" id="revision-${r.revision}"><h2>Revision ${r.revision}</h2>
<p class="entry__meta"><span class="kind${r.kind === 'correction' ? ' kind--correction' : ''}">${r.kind}</span> <time datetime="${r.recordedAt}">${r.recordedAt.slice(0, 19).replace('T', ' ')} UTC</time> by ${r.editor ?? 'unknown'}${r.boring ? ' · spacing or punctuation only' : ''}</p>
${r.changeNote ? html`<p>Change note: ${r.changeNote}</p>` : ''}
${
  r.diff
    ? html`<details><summary>Changes from revision ${r.revision - 1}</summary>
<h3>Headline</h3><p class="diff">${r.diff.headline.map(part)}</p><h3>Body</h3><div class="diff">${r.diff.body.map(part)}</div></details>`
    : ''
}</li>`,
    )}</ol>`,
  );
}
