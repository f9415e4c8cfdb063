import { factDateWords, factKnowledge, statusWords } from '@dateline/domain';
import { html, SafeHtml } from '../../reader-page/html';
import type { DeskFactRow } from '../desk-reads';

/**
 * The facts of a story on its desk page, in timeline order: how each is dated in words, its
 * status and version, and what an editor can do with it. Retracted facts stay listed (with
 * their history) so that nobody records them again by mistake.
 */
export function storyFactsSection(storyId: string, facts: readonly DeskFactRow[], revision?: number): SafeHtml {
  const base = `/desk/stories/${storyId}/facts`;
  return html`<section aria-labelledby="facts-h" id="facts"><h2 id="facts-h">Facts</h2>
<p class="actions"><a href="${base}/new" id="add-fact">Add a fact</a>${
    revision !== undefined
      ? html` <a href="/desk/stories/${storyId}/candidates?revision=${revision}" id="review-candidates">Review the fact candidates of revision ${revision}</a>`
      : ''
  }</p>
${
  facts.length === 0
    ? html`<p>No facts yet.</p>`
    : html`<ol class="fact-list">${facts.map(({ entry: f, retracted }) => {
        const k = factKnowledge(f);
        // A retraction is one event after the last version it closed.
        const version = retracted ? f.version + 1 : f.version;
        const name = html`<span class="visually-hidden"> “${f.title}”</span>`;
        return html`<li class="fact-item${retracted ? ' fact-item--retracted' : ''}" id="fact-${f.id}"><h3>${f.title}</h3>
<p class="fact-meta"><span>${factDateWords(k.when)}</span> <span>Status: ${retracted ? 'retracted' : (statusWords(k.status) ?? 'happened')}</span> <span>Version ${version}</span></p>
<p class="actions">${
          retracted
            ? ''
            : html`<a href="${base}/${f.id}/amendments">Amend${name}</a> <a href="${base}/${f.id}/retraction">Retract${name}</a> `
        }<a href="${base}/${f.id}/history">History${name}</a></p></li>`;
      })}</ol>`
}
</section>`;
}
