import { storyFeeds } from '../../feeds/feed-links';
import { html, SafeHtml } from '../html';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { RevisionMarkView, StoryTimelineDayView, StoryTimelineView } from '../view-models/story-timeline.view-model';
import { layout, LayoutAlternate, LayoutOptions } from './layout.template';
import { renderSection } from './timeline-page.template';

/** `GET /stories/:id/timeline` for a browser: the story's facts by date, oldest first, its revisions marked on their days. */
export function renderStoryTimelinePage(
  v: StoryTimelineView,
  alternates: readonly LayoutAlternate[] = [],
  m: Messages = messagesFor(),
  languages: LayoutOptions['languages'] = [],
): SafeHtml {
  const t = m.storyTimeline;
  const main = html`<h1 id="timeline-h">${t.title(v.headline)}</h1>
<p class="lede">${v.developing ? html`<strong>${m.story.developing}</strong> ` : ''}${t.lede} <a href="${v.storyHref}">${m.entry.readStory}</a></p>
${v.continued ? html`<p class="status" id="continued-notice">${t.continuedNotice} <a href="${v.timelineHref}">${t.backToStart}</a></p>` : ''}
<div id="story-timeline" data-position="${v.position}">
${v.days.length === 0 ? html`<p class="empty" id="timeline-empty">${t.empty}</p>` : v.days.map((d) => renderDay(d, m))}
</div>
<nav class="pages" aria-label="${t.pages}">
${v.nextHref ? html`<a href="${v.nextHref}" rel="next">${t.later}</a>` : ''}
<a href="${v.storyHref}">${t.storyAndHistory}</a>
</nav>`;
  return layout(
    {
      title: t.title(v.headline),
      description: t.description(v.factCount, v.revisionCount),
      current: 'story',
      // The story's feeds follow the same changes as this timeline.
      feeds: storyFeeds(v.slug),
      alternates,
      messages: m,
      languages,
    },
    main,
  );
}

function renderDay(d: StoryTimelineDayView, m: Messages): SafeHtml {
  return html`<section class="day" id="day-${d.date}" data-date="${d.date}" aria-labelledby="day-${d.date}-h">
<h2 id="day-${d.date}-h"><time datetime="${d.date}">${d.heading}</time></h2>
${d.sections.map((s) => renderSection(s, m))}
${d.revisions.length > 0 ? html`<div class="updates" id="revisions-${d.date}"><h3 class="updates__h">${m.storyTimeline.storyThisDay}</h3><ul class="updates__list">${d.revisions.map((r) => renderRevisionMark(r, undefined, m))}</ul></div>` : ''}
</section>`;
}

/** One revision where it happened: its kind as a labelled badge (a correction stands out in words, not by colour alone). */
export function renderRevisionMark(
  r: RevisionMarkView,
  link: { attributes: SafeHtml; suffix: SafeHtml } | undefined = undefined,
  m: Messages = messagesFor(),
): SafeHtml {
  return html`<li class="update revision-mark revision-mark--${r.kind}" id="${r.domId}" data-revision="${r.revision}">
<span class="kind kind--${r.kind}">${r.kindLabel}</span> <a href="${r.href}"${link?.attributes}>${m.story.revision(r.revision)}${link?.suffix}</a>
<span class="detail">${m.storyTimeline.published} <time datetime="${r.publishedAt}">${r.timeLabel}</time>${r.changeNote ? html`: ${r.changeNote}` : ''}</span>
</li>`;
}
