import { html, SafeHtml } from '../html';
import { StoryUpdateView } from '../view-models/story-updates.view-model';

/** A day's "story updates" strip, after its facts: one line per story with its latest change. */
export function renderStoryUpdates(date: string, updates: readonly StoryUpdateView[]): SafeHtml {
  return html`<div class="updates" id="updates-${date}">
<h3 class="updates__h">Story updates</h3>
<ul class="updates__list">
${updates.map(renderStoryUpdate)}
</ul>
</div>`;
}

/** One story's line; the live stream sends this markup for a new revision. */
export function renderStoryUpdate(u: StoryUpdateView): SafeHtml {
  return html`<li class="update" id="${u.domId}" data-sort="${u.publishedAt}" data-date="${u.date}">
<span class="kind kind--${u.kind}">${u.kindLabel}</span> <a href="${u.href}">${u.headline}</a>
<span class="detail">revision ${u.revision}, <time datetime="${u.publishedAt}">${u.timeLabel}</time>${u.count > 1 ? `, latest of ${u.count} this day` : ''}${u.changeNote ? html`: ${u.changeNote}` : ''}</span>
</li>`;
}
