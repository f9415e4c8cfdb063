import { TIMELINE_FEEDS } from '../../feeds/feed-links';
import { html, SafeHtml } from '../html';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { SectionView, TimelinePageView } from '../view-models/timeline-page.view-model';
import { renderEntry } from './entry.template';
import { layout, LayoutOptions } from './layout.template';
import { renderStoryUpdates } from './story-updates.template';

/** `GET /`: the timeline, newest day first, with the date range and "as of" controls. */
export function renderTimelinePage(v: TimelinePageView, m: Messages = messagesFor(), languages: LayoutOptions['languages'] = []): SafeHtml {
  const t = m.timeline;
  const main = html`<h1>${v.title}</h1>
<p class="lede">${t.lede}</p>
<form class="controls" method="get" action="/" aria-label="${t.controls}">
<div class="field"><label for="from">${t.from}</label><input type="date" id="from" name="from" value="${v.from ?? ''}"></div>
<div class="field"><label for="to">${t.to}</label><input type="date" id="to" name="to" value="${v.to ?? ''}"></div>
<div class="field"><label for="asOf">${t.asOf}</label><input type="datetime-local" step="1" id="asOf" name="asOf" value="${v.asOfInput ?? ''}" aria-describedby="asOf-hint"></div>
<button type="submit">${t.show}</button>
<p class="hint" id="asOf-hint">${t.asOfHint}</p>
</form>
${
  v.at
    ? html`<p class="status as-of" id="as-of-notice">${v.at.by === 'asOf' ? t.knownAt : t.publishedBy} <time datetime="${v.at.instant}">${v.atLabel}</time>. <a href="${v.nowHref}">${t.showNow}</a></p>`
    : v.pinned
      ? html`<p class="status" id="continued-notice">${t.continuedNotice} <a href="${v.pinned.dayHref}">${t.showDayNow}</a></p>`
      : html`<p class="status" id="live-status" role="status" aria-live="polite">${t.live}</p>`
}
<div id="timeline" data-position="${v.position}"${v.live ? html` data-live="on" data-live-since="${v.live.since}" data-live-from="${v.live.from ?? ''}" data-live-to="${v.live.to ?? ''}" data-live-words="${JSON.stringify(m.live)}"` : ''}>
${
  v.days.length === 0
    ? html`<p class="empty" id="timeline-empty">${v.at ? (v.at.by === 'asOf' ? t.emptyKnown : t.emptyPublished) : t.empty}</p>`
    : v.days.map(
        (d) => html`<section class="day" id="day-${d.date}" data-date="${d.date}" aria-labelledby="day-${d.date}-h">
<h2 id="day-${d.date}-h"><time datetime="${d.date}">${d.heading}</time>${d.continued ? t.continued : ''}</h2>
${d.sections.map((s) => renderSection(s, m))}
${d.updates.length > 0 ? renderStoryUpdates(d.date, d.updates, m) : ''}
${d.moreHref ? html`<p class="more"><a href="${d.moreHref}" rel="next">${t.moreOfDay}</a></p>` : ''}
</section>`,
      )
}
</div>
<nav class="pages" aria-label="${t.moreDays}">
${v.olderHref ? html`<a href="${v.olderHref}" rel="next">${t.olderDays}</a>` : ''}
${v.newestHref ? html`<a href="${v.newestHref}">${t.newestDays}</a>` : ''}
${v.exportHref ? html`<a href="${v.exportHref}" type="application/json">${t.exportJson}</a>` : ''}
</nav>`;
  return layout(
    {
      title: v.title,
      description: t.description,
      current: 'timeline',
      jsonLd: v.jsonLd,
      script: v.live !== undefined,
      feeds: TIMELINE_FEEDS,
      messages: m,
      languages,
    },
    main,
  );
}

/**
 * One heading's entries. The day's own facts need no heading of their own; the others say how
 * loosely they are dated ("On or before 16 May 2025"). The live stream finds a section by its key.
 */
export function renderSection(s: SectionView, m: Messages = messagesFor()): SafeHtml {
  const list = html`<ol class="entries" data-section="${s.key}">
${s.entries.map((e) => renderEntry(e, m))}
</ol>`;
  if (!s.heading) return list;
  return html`<div class="dating" data-section="${s.key}"><h3 class="dating__h">${s.heading}</h3>
${list}
</div>`;
}
