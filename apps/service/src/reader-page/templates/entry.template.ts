import { html, SafeHtml } from '../html';
import { EntryView } from '../view-models/entry.view-model';

/**
 * One timeline entry: an `<li>` with a stable id and sort key, so the page's script can put a
 * live update in its place. The live stream sends this same markup.
 */
export function renderEntry(e: EntryView): SafeHtml {
  const uncertain = e.when.approximate || e.when.inferred;
  return html`<li class="entry entry--${e.type}" id="${e.domId}" data-sort="${e.sortKey}" data-date="${e.date}">
<article aria-labelledby="${e.domId}-h">
<p class="entry__meta"><span class="kind kind--${e.kind}">${e.kindLabel}</span>
<time datetime="${e.when.datetime}"${uncertain ? html` class="when--uncertain"` : ''}>${e.when.text}</time></p>
<h3 id="${e.domId}-h">${e.storyHref && e.type === 'story-revision' ? html`<a href="${e.storyHref}">${e.headline}</a>` : e.headline}</h3>
${e.when.dateText ? html`<p class="date-words">The report’s words for when: “${e.when.dateText}”</p>` : ''}
${e.summary ? html`<p>${e.summary}</p>` : ''}
${e.changeNote ? html`<p>Change note: ${e.changeNote}</p>` : ''}
${facts(e)}
${e.quotes.map(
  (q) =>
    html`<blockquote><p>“${q.text}”</p><footer>— ${q.speaker}${q.speakerInferred ? html` <span class="flag">speaker inferred</span>` : ''}${q.context ? html`, ${q.context}` : ''}</footer></blockquote>`,
)}
<p class="recorded">${e.recorded}${e.storyHref && e.type !== 'story-revision' ? html` · <a href="${e.storyHref}">Read the story</a>` : ''}</p>
</article>
</li>`;
}

function facts(e: EntryView): SafeHtml | '' {
  if (!e.place && e.participants.length === 0 && e.sources.length === 0) return '';
  return html`<dl class="facts">
${e.place ? html`<dt>Place</dt><dd>${e.place}</dd>` : ''}
${e.participants.length > 0 ? html`<dt>Participants</dt><dd><ul>${e.participants.map((p) => html`<li>${p.name}${p.detail ? html` <span class="detail">(${p.detail})</span>` : ''}</li>`)}</ul></dd>` : ''}
${
  e.sources.length > 0
    ? html`<dt>Sources</dt><dd><ul>${e.sources.map(
        (s) =>
          html`<li>${s.url ? html`<a href="${s.url}" rel="noopener noreferrer">${s.name}</a>` : s.name}${s.hedged ? html` <span class="hedged">hedged</span>` : ''}${s.note ? html` <span class="detail">(${s.note})</span>` : ''}</li>`,
      )}</ul></dd>`
    : ''
}
</dl>`;
}
