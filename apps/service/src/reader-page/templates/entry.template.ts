import { sameLanguage } from '@dateline/domain';
import { html, SafeHtml } from '../html';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { EntryView } from '../view-models/entry.view-model';
import { FactWords } from '../view-models/fact-words';

/**
 * One fact, or one date a fact names: an `<li>` with a stable id and sort key, so the page's
 * script can put a live update in its place. The live stream sends this same markup. How the
 * fact is dated, whether it happened and whom it rests on are said in words next to the
 * headline: a status other than "happened" is a labelled badge, never a colour alone.
 */
export function renderEntry(e: EntryView, m: Messages = messagesFor()): SafeHtml {
  const extra = [e.words.timing, ...e.words.attributions].filter((w): w is string => Boolean(w));
  return html`<li class="entry entry--${e.role}${e.statusLabel ? html` entry--not-happened` : ''}" id="${e.domId}" data-sort="${e.sortKey}" data-date="${e.date}">
<article aria-labelledby="${e.domId}-h">
<p class="entry__meta"><span class="kind kind--${e.kind}">${e.kindLabel}</span>
${e.statusLabel ? html`<span class="status-badge status-badge--${e.words.status}">${e.statusLabel}</span>` : ''}
${when(e.words)}</p>
<h3 id="${e.domId}-h"${langAttribute(e.language, m)}>${e.headline}</h3>
${extra.length > 0 ? html`<p class="fact-words">${capitalize(extra.join(' · '))}</p>` : ''}
${e.words.about.map((a) => html`<p class="about-date">${m.entry.namesDate} ${a}</p>`)}
${e.namedBy ? html`<p class="named-by">${m.entry.namedIn} <a href="${e.namedBy.href}">${e.namedBy.title}</a></p>` : ''}
${e.summary ? html`<p${langAttribute(e.language, m)}>${e.summary}</p>` : ''}
${facts(e, m)}
${e.quotes.map(
  (q) =>
    html`<blockquote><p>“${q.text}”</p><footer>— ${q.speaker}${q.speakerInferred ? html` <span class="flag">${m.entry.speakerInferred}</span>` : ''}${q.context ? html`, ${q.context}` : ''}</footer></blockquote>`,
)}
${e.provenance ? html`<p class="provenance"><a href="${e.provenance.href}">${e.provenance.words}</a></p>` : ''}
<p class="reported">${e.reported}${storyLinksHtml(e.stories, m)}</p>
</article>
</li>`;
}

/** " · In the story: <headline>", or every story the fact belongs to: "In the stories: <a>, <b>". */
function storyLinksHtml(links: EntryView['stories'], m: Messages): SafeHtml | '' {
  if (links.length === 0) return '';
  const anchors = links.map((l, i) => html`${i > 0 ? ', ' : ''}<a href="${l.href}">${l.title}</a>`);
  if (links.length === 1 && !links[0].named) return html` · ${anchors}`;
  return html` · <span class="entry__stories">${links.length === 1 ? m.entry.inStory : m.entry.inStories} ${anchors}</span>`;
}

/** The date in words; a `<time>` only when the date names a day, month, year or instant a machine can read. */
export function when(w: FactWords): SafeHtml {
  const words = capitalize(w.when);
  const cls = w.uncertain ? html` class="when when--uncertain"` : html` class="when"`;
  return w.datetime ? html`<time datetime="${w.datetime}"${cls}>${words}</time>` : html`<span${cls}>${words}</span>`;
}

function facts(e: EntryView, m: Messages): SafeHtml | '' {
  // Each source by name, with the article's own words; the attribution phrases are said once, under the headline.
  const sources = e.words.sources.filter((s) => s.name || s.wording || s.note);
  if (!e.place && e.participants.length === 0 && sources.length === 0) return '';
  return html`<dl class="facts">
${e.place ? html`<dt>${m.entry.place}</dt><dd>${e.place}</dd>` : ''}
${e.participants.length > 0 ? html`<dt>${m.entry.participants}</dt><dd><ul>${e.participants.map((p) => html`<li>${p.name}${p.detail ? html` <span class="detail">(${p.detail})</span>` : ''}</li>`)}</ul></dd>` : ''}
${
  sources.length > 0
    ? html`<dt>${m.entry.sources}</dt><dd><ul>${sources.map(
        (s) =>
          html`<li>${s.name ? (s.url ? html`<a href="${s.url}" rel="noopener noreferrer">${s.name}</a>` : s.name) : m.entry.unnamedSource}${s.wording ? html` <span class="detail">${m.entry.reportSays(s.wording)}</span>` : ''}${s.note ? html` <span class="detail">(${s.note})</span>` : ''}</li>`,
      )}</ul></dd>`
    : ''
}
</dl>`;
}

/**
 * ` lang="uk"` on the newsroom's own text of a fact (its headline and summary) written in another
 * language than the page's, so that screen readers and hyphenation switch; nothing otherwise. The
 * labels around it stay in the page's language, so the attribute is not on the whole entry.
 */
export function langAttribute(language: string | undefined, m: Messages): SafeHtml | '' {
  return language && !sameLanguage(language, m.lang) ? html` lang="${language}"` : '';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
