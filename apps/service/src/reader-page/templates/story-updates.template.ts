import { html, SafeHtml } from '../html';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
import { StoryUpdateView } from '../view-models/story-updates.view-model';

/** A day's "story updates" strip, after its facts: one line per story with its latest change. */
export function renderStoryUpdates(date: string, updates: readonly StoryUpdateView[], m: Messages = messagesFor()): SafeHtml {
  return html`<div class="updates" id="updates-${date}">
<h3 class="updates__h">${m.updates.heading}</h3>
<ul class="updates__list">
${updates.map((u) => renderStoryUpdate(u, m))}
</ul>
</div>`;
}

/** One story's line; the live stream sends this markup for a new revision. */
export function renderStoryUpdate(u: StoryUpdateView, m: Messages = messagesFor()): SafeHtml {
  return html`<li class="update" id="${u.domId}" data-sort="${u.publishedAt}" data-date="${u.date}">
<span class="kind kind--${u.kind}">${u.kindLabel}</span> <a href="${u.href}">${u.headline}</a>
<span class="detail">${m.updates.revision(u.revision)}, <time datetime="${u.publishedAt}">${u.timeLabel}</time>${u.count > 1 ? `, ${m.updates.latestOf(u.count)}` : ''}${u.changeNote ? html`: ${u.changeNote}` : ''}</span>
</li>`;
}
