import { storyFeeds, TIMELINE_FEEDS } from '../../feeds/feed-links';
import { DiffPart } from '../../reading/word-diff';
import { html, SafeHtml } from '../html';
import { StoryPageView } from '../view-models/story-page.view-model';
import { when } from './entry.template';
import { layout } from './layout.template';
import { StoryReach } from '../view-models/story-reach';

/** `GET /stories/:id` for a browser: the story now, its revision history, and a word diff of any two revisions. */
export function renderStoryPage(v: StoryPageView, reach?: StoryReach): SafeHtml {
  const options = v.revisions.map((r) => r.revision);
  const select = (
    name: 'from' | 'to',
    label: string,
    chosen: number | undefined,
  ) => html`<div class="field"><label for="diff-${name}">${label}</label>
<select id="diff-${name}" name="${name}">${options.map((n) => html`<option value="${n}"${n === chosen ? html` selected` : ''}>Revision ${n}</option>`)}</select></div>`;
  const main = html`<article aria-labelledby="story-h">
<h1 id="story-h">${v.headline}</h1>
${v.developing ? html`<p class="editors-note"><strong>Developing story.</strong>${v.editorsNote ? html` ${v.editorsNote}` : ''}</p>` : v.editorsNote ? html`<p class="editors-note">${v.editorsNote}</p>` : ''}
<p class="byline">${v.byline ? html`By ${v.byline} · ` : ''}Published <time datetime="${v.published.at}">${v.published.label}</time> · Updated <time datetime="${v.updated.at}">${v.updated.label}</time> · Revision ${v.revision}</p>
<div class="story-body">${v.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
</article>
${reach ? html`<p class="story-timeline-link"><a href="${reach.timelineHref}">The story’s timeline</a>: its dated facts day by day, with its updates and corrections.</p>` : ''}
${
  v.facts.length > 0
    ? html`<section aria-labelledby="facts-h" id="facts"><h2 id="facts-h">Dated facts in this story</h2>
<p class="hint">By date, and within a day in the order things happened; loosely dated facts under a heading that says how loosely.</p>
${v.facts.map(
  (g) => html`<h3 class="dating__h">${g.heading}</h3>
<ol class="story-facts">${g.facts.map(
    (f) =>
      html`<li class="story-fact story-fact--${f.role}" id="fact-${f.key}" data-day="${f.day}"><a href="${f.href}">${f.title}</a> <span class="kind kind--${f.kind}">${f.role === 'about' ? 'date named' : f.kind}</span>${f.statusLabel ? html` <span class="status-badge status-badge--${f.words.status}">${f.statusLabel}</span>` : ''}
<span class="fact-words">${when(f.words)}${[f.words.timing, ...f.words.attributions].filter(Boolean).map((w) => html` · ${w}`)}</span>${f.provenance ? html` <span class="provenance">${f.provenance}</span>` : ''}</li>`,
  )}</ol>`,
)}
</section>`
    : ''
}
<section aria-labelledby="history-h"><h2 id="history-h">Revision history</h2>
<table class="revisions">
<thead><tr><th scope="col">Revision</th><th scope="col">Published</th><th scope="col">Kind</th><th scope="col">Editor</th><th scope="col">Change note</th><th scope="col">Compare</th></tr></thead>
<tbody>
${v.revisions.map(
  (
    r,
  ) => html`<tr id="revision-${r.revision}"><th scope="row" data-label="Revision">${r.revision}</th><td data-label="Published"><time datetime="${r.publishedAt}">${r.publishedLabel}</time></td>
<td data-label="Kind"><span class="kind kind--${r.kind}">${r.kindLabel}</span>${r.boring ? html` <span class="detail">(spacing or punctuation only)</span>` : ''}</td>
<td data-label="Editor">${r.editor ?? '—'}</td><td data-label="Change note">${r.changeNote ?? '—'}</td>
<td data-label="Compare">${r.compareHref ? html`<a href="${r.compareHref}">Changes from revision ${r.revision - 1}</a>` : '—'}</td></tr>`,
)}
</tbody>
</table>
</section>
<section aria-labelledby="compare-h" id="compare"><h2 id="compare-h">Compare revisions</h2>
${
  options.length < 2
    ? html`<p>This story has one revision so far.</p>`
    : html`<form class="controls" method="get" action="/stories/${v.id}#compare" aria-label="Revisions to compare">
${select('from', 'From revision', v.diff?.from)}
${select('to', 'To revision', v.diff?.to)}
<button type="submit">Compare</button>
</form>
${v.diff ? diffSection(v.diff) : ''}`
}
</section>
${reach ? embedSection(reach) : ''}`;
  return layout(
    {
      title: v.headline,
      description: `Revision ${v.revision} of a story, with its full revision history.`,
      current: 'story',
      jsonLd: v.jsonLd,
      feeds: [...storyFeeds(v.slug), ...TIMELINE_FEEDS],
      ...(reach ? { alternates: reach.alternates } : {}),
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

function diffSection(d: NonNullable<StoryPageView['diff']>): SafeHtml {
  return html`<p id="diff-summary">Changes from revision ${d.from} to revision ${d.to}${d.boring ? ' (spacing or punctuation only)' : ''}. <span class="visually-hidden">Added words are marked as insertions, removed words as deletions.</span></p>
<h3>Headline</h3>
<p class="diff" id="diff-headline">${d.headline.map(part)}</p>
<h3>Body</h3>
<div class="diff" id="diff-body">${d.body.map(part)}</div>`;
}

/** One run of a word diff, marked for sight and for screen readers (the desk shows its diffs the same way). */
export function part(p: DiffPart): SafeHtml {
  if (p.added) return html`<ins><span class="visually-hidden">[added: </span>${p.value}<span class="visually-hidden">]</span></ins>`;
  if (p.removed) return html`<del><span class="visually-hidden">[removed: </span>${p.value}<span class="visually-hidden">]</span></del>`;
  return html`${p.value}`;
}
