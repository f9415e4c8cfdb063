import { storyFeeds } from '../../feeds/feed-links';
import { html, SafeHtml } from '../html';
import { RevisionMarkView, StoryTimelineDayView, StoryTimelineView } from '../view-models/story-timeline.view-model';
import { layout, LayoutAlternate } from './layout.template';
import { renderSection } from './timeline-page.template';

/** `GET /stories/:id/timeline` for a browser: the story's facts by date, oldest first, its revisions marked on their days. */
export function renderStoryTimelinePage(v: StoryTimelineView, alternates: readonly LayoutAlternate[] = []): SafeHtml {
  const main = html`<h1 id="timeline-h">Timeline: ${v.headline}</h1>
<p class="lede">${v.developing ? html`<strong>Developing story.</strong> ` : ''}Every dated fact of this story where the report places it, oldest first: a fact dated only loosely sits on the latest day it can have happened, under a heading that says so. The story’s updates and corrections are marked on the day they were published. <a href="${v.storyHref}">Read the story</a></p>
${v.continued ? html`<p class="status" id="continued-notice">The timeline continued, as it stood when you opened its first page. <a href="${v.timelineHref}">Back to its start</a></p>` : ''}
<div id="story-timeline" data-position="${v.position}">
${v.days.length === 0 ? html`<p class="empty" id="timeline-empty">This story has no dated facts yet.</p>` : v.days.map(renderDay)}
</div>
<nav class="pages" aria-label="More of this timeline">
${v.nextHref ? html`<a href="${v.nextHref}" rel="next">Later entries</a>` : ''}
<a href="${v.storyHref}">The story and its revision history</a>
</nav>`;
  return layout(
    {
      title: `Timeline: ${v.headline}`,
      description: `The dated facts of a story, with its updates and corrections, ${v.factCount} facts and ${v.revisionCount} revisions on this page.`,
      current: 'story',
      // The story's feeds follow the same changes as this timeline.
      feeds: storyFeeds(v.slug),
      alternates,
    },
    main,
  );
}

function renderDay(d: StoryTimelineDayView): SafeHtml {
  return html`<section class="day" id="day-${d.date}" data-date="${d.date}" aria-labelledby="day-${d.date}-h">
<h2 id="day-${d.date}-h"><time datetime="${d.date}">${d.heading}</time></h2>
${d.sections.map((s) => renderSection(s))}
${d.revisions.length > 0 ? html`<div class="updates" id="revisions-${d.date}"><h3 class="updates__h">The story this day</h3><ul class="updates__list">${d.revisions.map((r) => renderRevisionMark(r))}</ul></div>` : ''}
</section>`;
}

/** One revision where it happened: its kind as a labelled badge (a correction stands out in words, not by colour alone). */
export function renderRevisionMark(
  r: RevisionMarkView,
  link: { attributes: SafeHtml; suffix: SafeHtml } | undefined = undefined,
): SafeHtml {
  return html`<li class="update revision-mark revision-mark--${r.kind}" id="${r.domId}" data-revision="${r.revision}">
<span class="kind kind--${r.kind}">${r.kindLabel}</span> <a href="${r.href}"${link?.attributes}>Revision ${r.revision}${link?.suffix}</a>
<span class="detail">published <time datetime="${r.publishedAt}">${r.timeLabel}</time>${r.changeNote ? html`: ${r.changeNote}` : ''}</span>
</li>`;
}
