import { MAX_SEARCH_LENGTH } from '@dateline/domain';
import { MatchPart } from '@dateline/projections';
import { html, SafeHtml } from '../html';
import { SearchPageView, SearchResultView } from '../view-models/search-page.view-model';
import { layout } from './layout.template';

/** `GET /search` in a browser: the search form, the results best first, and why each matched. */
export function renderSearchPage(v: SearchPageView): SafeHtml {
  const main = html`<h1>Search</h1>
<form class="controls" role="search" method="get" action="/search" aria-label="Search facts and stories">
<div class="field field--wide"><label for="search-q">Words or names</label><input type="search" id="search-q" name="q" value="${v.q}" maxlength="${MAX_SEARCH_LENGTH}" required aria-describedby="search-hint"></div>
<button type="submit">Search</button>
<p class="hint" id="search-hint">Finds facts and stories with every word, or words they begin (“Zelen”), without regard to accents; a name also finds names like it (“Zelenskyy”, “Zelensky”). Retracted facts are not found.</p>
</form>
<p class="status" id="search-status" role="status">${
    v.results.length === 0
      ? v.continued
        ? 'No more results.'
        : html`Nothing matches “${v.q}”.`
      : html`${v.continued ? 'More results' : 'Results'} for “${v.q}”, best first.`
  }</p>
${v.results.length > 0 ? html`<ol class="results" id="search-results">${v.results.map(renderResult)}</ol>` : ''}
<nav class="pages" aria-label="More results">
${v.nextHref ? html`<a href="${v.nextHref}" rel="next">More results</a>` : ''}
${v.firstHref ? html`<a href="${v.firstHref}">First results</a>` : ''}
</nav>`;
  return layout({ title: `Search: ${v.q}`, description: 'Search the facts and stories of the timeline.', current: 'search' }, main);
}

function renderResult(r: SearchResultView): SafeHtml {
  return html`<li class="result" id="${r.domId}">
<p class="entry__meta"><span class="kind">${r.kind}</span> <time datetime="${r.when.at}">${r.when.label}</time></p>
<h2 class="result__h"><a href="${r.href}">${r.title}</a></h2>
<dl class="why" aria-label="Why it matched">
${r.matches.map((m) => html`<dt>${m.label}</dt><dd>${m.parts.map(renderPart)}</dd>`)}
</dl>
</li>`;
}

/** A matched word in <mark>; every piece escaped by html``. */
function renderPart(p: MatchPart): SafeHtml {
  return p.matched ? html`<mark>${p.text}</mark>` : html`${p.text}`;
}
