import { html, SafeHtml, trusted } from '../../reader-page/html';
import { langAttribute, when } from '../../reader-page/templates/entry.template';
import { messagesFor } from '../../reader-page/messages/catalogue';
import type { Messages } from '../../reader-page/messages/messages';
import type { LayoutAlternate } from '../../reader-page/templates/layout.template';
import { renderRevisionMark } from '../../reader-page/templates/story-timeline-page.template';
import { READER_CSS } from '../../reader-page/templates/styles';
import type { EntryView } from '../../reader-page/view-models/entry.view-model';
import type { SectionView } from '../../reader-page/view-models/timeline-page.view-model';
import type { StoryTimelineDayView, StoryTimelineView } from '../../reader-page/view-models/story-timeline.view-model';
import { EMBED_FRAME_SCRIPT_ROUTE } from '../embed-frame-policy';
import { EMBED_CSS } from './embed-styles';

/** Every link of the embed opens outside the frame, in a new tab, and says so to screen readers. */
const OUT = trusted(' target="_blank" rel="noopener"');
const newTab = (m: Messages) => html`<span class="visually-hidden">${m.embed.newTab}</span>`;

/**
 * `/embed/stories/:id`: the story's timeline, minimal, for a frame in another site's article:
 * no site header or controls, each fact as its kind, status, date in words, headline and whom it
 * rests on, the story's revisions marked on their days, and a link to the whole timeline.
 * Complete HTML that works without JavaScript; its script only tells the host its height.
 */
export function renderEmbedPage(
  v: StoryTimelineView,
  o: { oembed: LayoutAlternate; moreEntries: boolean },
  m: Messages = messagesFor(),
): SafeHtml {
  const NEW_TAB = newTab(m);
  return html`<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.storyTimeline.title(v.headline)} · Dateline</title>
<link rel="icon" href="data:,">
<link rel="alternate" type="${o.oembed.type}" href="${o.oembed.href}" title="${o.oembed.title}">
<style>${trusted(READER_CSS)}${trusted(EMBED_CSS)}</style>
<script src="${EMBED_FRAME_SCRIPT_ROUTE}" defer></script>
</head>
<body class="embed">
<main class="embed" id="main" aria-labelledby="embed-h">
<header class="embed__head">
<p class="embed__brand">${m.embed.brand}</p>
<h1 id="embed-h"><a href="${v.storyHref}"${OUT}>${v.headline}${NEW_TAB}</a></h1>
</header>
<div id="story-timeline" data-position="${v.position}">
${v.days.length === 0 ? html`<p class="empty">${m.storyTimeline.empty}</p>` : v.days.map((d) => renderDay(d, m))}
</div>
<p class="embed__foot"><a href="${v.timelineHref}"${OUT} id="full-timeline">${o.moreEntries ? m.embed.more : m.embed.whole}${NEW_TAB}</a></p>
</main>
</body>
</html>
`;
}

function renderDay(d: StoryTimelineDayView, m: Messages): SafeHtml {
  return html`<section class="day" id="day-${d.date}" aria-labelledby="day-${d.date}-h">
<h2 id="day-${d.date}-h"><time datetime="${d.date}">${d.heading}</time></h2>
${d.sections.map((s) => renderSection(s, m))}
${d.revisions.length > 0 ? html`<div class="updates"><h3 class="updates__h">${m.storyTimeline.storyThisDay}</h3><ul class="updates__list">${d.revisions.map((r) => renderRevisionMark(r, { attributes: OUT, suffix: newTab(m) }, m))}</ul></div>` : ''}
</section>`;
}

function renderSection(s: SectionView, m: Messages): SafeHtml {
  const list = html`<ol class="entries">${s.entries.map((e) => renderEntry(e, m))}</ol>`;
  return s.heading ? html`<div class="dating"><h3 class="dating__h">${s.heading}</h3>${list}</div>` : list;
}

/** A fact in a few lines: what the page's entry says first, without its place, participants, sources and quotes. */
function renderEntry(e: EntryView, m: Messages): SafeHtml {
  const extra = [e.words.timing, ...e.words.attributions].filter((w): w is string => Boolean(w));
  return html`<li class="entry entry--${e.role}${e.statusLabel ? html` entry--not-happened` : ''}" id="${e.domId}">
<p class="entry__meta"><span class="kind kind--${e.kind}">${e.kindLabel}</span>
${e.statusLabel ? html`<span class="status-badge status-badge--${e.words.status}">${e.statusLabel}</span>` : ''}
${when(e.words)}</p>
<h3 class="entry__h"${langAttribute(e.language, m)}>${e.headline}</h3>
${extra.length > 0 ? html`<p class="fact-words">${capitalize(extra.join(' · '))}</p>` : ''}
${e.namedBy ? html`<p class="named-by">${m.entry.namedIn} ${e.namedBy.title}</p>` : ''}
</li>`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
