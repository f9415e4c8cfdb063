import { html, SafeHtml } from '../../reader-page/html';
import type { DeskStoryRow } from '../desk-reads';
import { deskLayout, type DeskPage } from './desk-layout.template';

export function renderStoryList(page: DeskPage, search: string, stories: readonly DeskStoryRow[]): SafeHtml {
  return deskLayout(
    { ...page, title: 'Stories', current: 'stories' },
    html`<h1>Stories</h1>
<form class="controls" method="get" action="/desk/stories" role="search" aria-label="Stories">
<div class="field"><label for="f-q">Search headlines and slugs</label><input type="search" id="f-q" name="q" value="${search}"></div>
<button type="submit">Search</button>
</form>
<p role="status" id="story-count">${stories.length === 0 ? (search ? `No story matches “${search}”.` : 'No stories yet.') : `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}${search ? ` matching “${search}”` : ''}, most recently updated first.`}</p>
<p><a href="/desk/stories/new">Write a new story</a></p>
${
  stories.length === 0
    ? ''
    : html`<div class="table-wrap" role="region" aria-label="Stories (table scrolls sideways)" tabindex="0"><table id="stories">
<thead><tr><th scope="col">Headline</th><th scope="col">Slug</th><th scope="col">Developing</th><th scope="col">Revision</th><th scope="col">Updated</th></tr></thead>
<tbody>${stories.map(
        (
          s,
        ) => html`<tr><th scope="row"><a href="/desk/stories/${s.id}">${s.headline}</a></th><td>${s.slug}</td><td>${s.developing ? 'Developing' : 'No'}</td>
<td><a href="/desk/stories/${s.id}/history">${s.revision}</a></td><td><time datetime="${s.updatedAt}">${s.updatedAt.slice(0, 16).replace('T', ' ')} UTC</time></td></tr>`,
      )}</tbody></table></div>`
}`,
  );
}
