import { TIMELINE_FEEDS } from '../../feeds/feed-links';
import { html, SafeHtml } from '../html';
import { SectionView, TimelinePageView } from '../view-models/timeline-page.view-model';
import { renderEntry } from './entry.template';
import { layout } from './layout.template';
import { renderStoryUpdates } from './story-updates.template';

/** `GET /`: the timeline, newest day first, with the date range and "as of" controls. */
export function renderTimelinePage(v: TimelinePageView): SafeHtml {
  const main = html`<h1>${v.title}</h1>
<p class="lede">What happened, newest day first. A fact sits on the day the report gives; one it dates only loosely sits on the latest day it can have happened, under a heading that says so. Story updates follow each day’s facts.</p>
<form class="controls" method="get" action="/" aria-label="What to show">
<div class="field"><label for="from">From</label><input type="date" id="from" name="from" value="${v.from ?? ''}"></div>
<div class="field"><label for="to">To</label><input type="date" id="to" name="to" value="${v.to ?? ''}"></div>
<div class="field"><label for="asOf">As of (UTC)</label><input type="datetime-local" step="1" id="asOf" name="asOf" value="${v.asOfInput ?? ''}" aria-describedby="asOf-hint"></div>
<button type="submit">Show</button>
<p class="hint" id="asOf-hint">“As of” shows the timeline as the newsroom knew it at that instant: later facts, amendments and retractions left out. Leave it empty for now.</p>
</form>
${
  v.at
    ? html`<p class="status as-of" id="as-of-notice">${v.at.by === 'asOf' ? 'Showing what was known at' : 'Showing what the newsroom had published by'} <time datetime="${v.at.instant}">${v.atLabel}</time>. <a href="${v.nowHref}">Show what we know now</a></p>`
    : v.pinned
      ? html`<p class="status" id="continued-notice">The rest of this day as it stood when you opened it. <a href="${v.pinned.dayHref}">Show this day as it is now</a></p>`
      : html`<p class="status" id="live-status" role="status" aria-live="polite">Live: new and corrected entries appear here as they are recorded.</p>`
}
<div id="timeline" data-position="${v.position}"${v.live ? html` data-live="on" data-live-since="${v.live.since}" data-live-from="${v.live.from ?? ''}" data-live-to="${v.live.to ?? ''}"` : ''}>
${
  v.days.length === 0
    ? html`<p class="empty" id="timeline-empty">${v.at ? (v.at.by === 'asOf' ? 'Nothing in this range was known yet at that instant.' : 'Nothing in this range was published yet at that instant.') : 'No entries in this range yet.'}</p>`
    : v.days.map(
        (d) => html`<section class="day" id="day-${d.date}" data-date="${d.date}" aria-labelledby="day-${d.date}-h">
<h2 id="day-${d.date}-h"><time datetime="${d.date}">${d.heading}</time>${d.continued ? ' (continued)' : ''}</h2>
${d.sections.map(renderSection)}
${d.updates.length > 0 ? renderStoryUpdates(d.date, d.updates) : ''}
${d.moreHref ? html`<p class="more"><a href="${d.moreHref}" rel="next">More entries of this day</a></p>` : ''}
</section>`,
      )
}
</div>
<nav class="pages" aria-label="More days">
${v.olderHref ? html`<a href="${v.olderHref}" rel="next">Older days</a>` : ''}
${v.newestHref ? html`<a href="${v.newestHref}">Newest days</a>` : ''}
${v.exportHref ? html`<a href="${v.exportHref}" type="application/json">These days as TimelineJS JSON</a>` : ''}
</nav>`;
  return layout(
    {
      title: v.title,
      description: 'A dated timeline of a developing story: what happened, and what the newsroom knew when.',
      current: 'timeline',
      jsonLd: v.jsonLd,
      script: v.live !== undefined,
      feeds: TIMELINE_FEEDS,
    },
    main,
  );
}

/**
 * One heading's entries. The day's own facts need no heading of their own; the others say how
 * loosely they are dated ("On or before 16 May 2025"). The live stream finds a section by its key.
 */
export function renderSection(s: SectionView): SafeHtml {
  const list = html`<ol class="entries" data-section="${s.key}">
${s.entries.map(renderEntry)}
</ol>`;
  if (!s.heading) return list;
  return html`<div class="dating" data-section="${s.key}"><h3 class="dating__h">${s.heading}</h3>
${list}
</div>`;
}
