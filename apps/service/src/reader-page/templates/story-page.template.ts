import { storyFeeds, TIMELINE_FEEDS } from '../../feeds/feed-links';
import { DiffPart } from '../../reading/word-diff';
import { html, SafeHtml } from '../html';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { StoryPageView } from '../view-models/story-page.view-model';
import { langAttribute, when } from './entry.template';
import { layout, LayoutOptions } from './layout.template';
import { StoryReach } from '../view-models/story-reach';

/** `GET /stories/:id` for a browser: the story now, its revision history, and a word diff of any two revisions. */
export function renderStoryPage(
  v: StoryPageView,
  reach?: StoryReach,
  m: Messages = messagesFor(),
  languages: LayoutOptions['languages'] = [],
): SafeHtml {
  const t = m.story;
  const options = v.revisions.map((r) => r.revision);
  const select = (
    name: 'from' | 'to',
    label: string,
    chosen: number | undefined,
  ) => html`<div class="field"><label for="diff-${name}">${label}</label>
<select id="diff-${name}" name="${name}">${options.map((n) => html`<option value="${n}"${n === chosen ? html` selected` : ''}>${t.revision(n)}</option>`)}</select></div>`;
  const main = html`<article aria-labelledby="story-h">
<h1 id="story-h"${langAttribute(v.language, m)}>${v.headline}</h1>
${v.developing ? html`<p class="editors-note"><strong>${t.developing}</strong>${v.editorsNote ? html` ${v.editorsNote}` : ''}</p>` : v.editorsNote ? html`<p class="editors-note">${v.editorsNote}</p>` : ''}
<p class="byline">${v.byline ? html`${t.by(v.byline)} · ` : ''}${t.published} <time datetime="${v.published.at}">${v.published.label}</time> · ${t.updated} <time datetime="${v.updated.at}">${v.updated.label}</time> · ${t.revision(v.revision)}</p>
<div class="story-body"${langAttribute(v.language, m)}>${v.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
</article>
${reach ? html`<p class="story-timeline-link"><a href="${reach.timelineHref}">The story’s timeline</a>: its dated facts day by day, with its updates and corrections.</p>` : ''}
${
  v.facts.length > 0
    ? html`<section aria-labelledby="facts-h" id="facts"><h2 id="facts-h">${t.facts}</h2>
<p class="hint">${t.factsHint}</p>
${v.facts.map(
  (g) => html`<h3 class="dating__h">${g.heading}</h3>
<ol class="story-facts">${g.facts.map(
    (f) =>
      html`<li class="story-fact story-fact--${f.role}" id="fact-${f.key}" data-day="${f.day}"><a href="${f.href}"${langAttribute(f.language, m)}>${f.title}</a> <span class="kind kind--${f.kind}">${f.role === 'about' ? t.dateNamed : f.kind}</span>${f.statusLabel ? html` <span class="status-badge status-badge--${f.words.status}">${f.statusLabel}</span>` : ''}
<span class="fact-words">${when(f.words)}${[f.words.timing, ...f.words.attributions].filter(Boolean).map((w) => html` · ${w}`)}</span>${f.provenance ? html` <span class="provenance">${f.provenance}</span>` : ''}</li>`,
  )}</ol>`,
)}
</section>`
    : ''
}
<section aria-labelledby="history-h"><h2 id="history-h">${t.history}</h2>
<table class="revisions">
<thead><tr><th scope="col">${t.columns.revision}</th><th scope="col">${t.columns.published}</th><th scope="col">${t.columns.kind}</th><th scope="col">${t.columns.editor}</th><th scope="col">${t.columns.changeNote}</th><th scope="col">${t.columns.compare}</th></tr></thead>
<tbody>
${v.revisions.map(
  (
    r,
  ) => html`<tr id="revision-${r.revision}"><th scope="row" data-label="${t.columns.revision}">${r.revision}</th><td data-label="${t.columns.published}"><time datetime="${r.publishedAt}">${r.publishedLabel}</time></td>
<td data-label="${t.columns.kind}"><span class="kind kind--${r.kind}">${r.kindLabel}</span>${r.boring ? html` <span class="detail">${t.spacingOnly}</span>` : ''}</td>
<td data-label="${t.columns.editor}">${r.editor ?? '—'}</td><td data-label="${t.columns.changeNote}">${r.changeNote ?? '—'}</td>
<td data-label="${t.columns.compare}">${r.compareHref ? html`<a href="${r.compareHref}">${t.changesFrom(r.revision - 1)}</a>` : '—'}</td></tr>`,
)}
</tbody>
</table>
</section>
<section aria-labelledby="compare-h" id="compare"><h2 id="compare-h">${t.compareHeading}</h2>
${
  options.length < 2
    ? html`<p>${t.oneRevision}</p>`
    : html`<form class="controls" method="get" action="/stories/${v.id}#compare" aria-label="${t.compareControls}">
${select('from', t.fromRevision, v.diff?.from)}
${select('to', t.toRevision, v.diff?.to)}
<button type="submit">${t.compare}</button>
</form>
${v.diff ? diffSection(v.diff, m) : ''}`
}
</section>
${reach ? embedSection(reach) : ''}`;
  return layout(
    {
      title: v.headline,
      description: t.description(v.revision),
      current: 'story',
      jsonLd: v.jsonLd,
      feeds: [...storyFeeds(v.slug), ...TIMELINE_FEEDS],
      ...(reach ? { alternates: reach.alternates } : {}),
      messages: m,
      languages,
    },
    main,
  );
}

/** The embed snippet, to copy into an article: which sites may show it, and how it sizes itself. */
function embedSection(r: StoryReach): SafeHtml {
  return html`<section aria-labelledby="embed-h" id="embed"><h2 id="embed-h">Embed this timeline</h2>
<p class="hint" id="embed-hint">Paste this into an article to show the story’s timeline there. It works without JavaScript; with it, the frame takes the height of its content. ${
    r.embedOrigins.length === 0
      ? 'No other site may show it yet: the service’s DATELINE_EMBED_ORIGINS lists none.'
      : r.embedOrigins.includes('*')
        ? 'Any site may show it.'
        : `Only pages of ${r.embedOrigins.join(', ')} may show it.`
  }</p>
<label for="embed-snippet">Embed code</label>
<textarea id="embed-snippet" class="snippet" rows="5" style="width:100%;font-family:monospace;font-size:0.85rem" readonly aria-describedby="embed-hint">${r.embedSnippet}</textarea>
</section>`;
}

function diffSection(d: NonNullable<StoryPageView['diff']>, m: Messages): SafeHtml {
  const t = m.story;
  return html`<p id="diff-summary">${t.diffSummary(d.from, d.to)}${d.boring ? ` ${t.spacingOnly}` : ''}. <span class="visually-hidden">${t.diffHint}</span></p>
<h3>${t.headline}</h3>
<p class="diff" id="diff-headline">${d.headline.map((p) => diffPart(p, m))}</p>
<h3>${t.body}</h3>
<div class="diff" id="diff-body">${d.body.map((p) => diffPart(p, m))}</div>`;
}

/** One run of a word diff, marked for sight and for screen readers (the desk shows its diffs the same way, in English). */
export function part(p: DiffPart): SafeHtml {
  return diffPart(p, messagesFor());
}

/** `part` in a page's language. */
export function diffPart(p: DiffPart, m: Messages): SafeHtml {
  if (p.added)
    return html`<ins><span class="visually-hidden">${m.story.added}</span>${p.value}<span class="visually-hidden">]</span></ins>`;
  if (p.removed)
    return html`<del><span class="visually-hidden">${m.story.removed}</span>${p.value}<span class="visually-hidden">]</span></del>`;
  return html`${p.value}`;
}
