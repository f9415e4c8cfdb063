import { html, SafeHtml } from '../../reader-page/html';
import type { FieldProblems } from '../story-form';
import { deskLayout, type DeskPage } from './desk-layout.template';
import type { DeskStoryRef } from './fact-form.template';
import { csrfField, field, problemSummary } from './form-fields.template';

export interface RetractPage {
  readonly page: DeskPage;
  readonly csrf: string;
  readonly story: DeskStoryRef;
  readonly fact: { readonly id: string; readonly title: string; readonly when: string };
  readonly expectedVersion: string;
  readonly reason: string;
  readonly problems?: FieldProblems;
  /** Someone changed the fact since this page was opened (a 409): what they did. */
  readonly changedSince?: { readonly current: number; readonly versions: readonly string[] };
}

/** Asks before a retraction, and for its public note: the fact leaves the timeline and stays in its history. */
export function renderRetract(v: RetractPage): SafeHtml {
  const action = `/desk/stories/${v.story.id}/facts/${v.fact.id}/retraction`;
  return deskLayout(
    { ...v.page, title: `Retract: ${v.fact.title}`, current: 'stories' },
    html`<h1>Retract a fact</h1>
<p class="lede">Story: <a href="/desk/stories/${v.story.id}#facts">${v.story.headline}</a> · <a href="/desk/stories/${v.story.id}/facts/${v.fact.id}/history">Fact history</a></p>
${problemSummary(v.problems, { reason: 'Public note' })}
${
  v.changedSince
    ? html`<section class="notice notice--warn" id="conflict" aria-labelledby="conflict-h"><h2 id="conflict-h">Someone changed this fact first</h2>
<p>It is at version ${v.changedSince.current} now; nothing was retracted yet. Check what changed, then confirm again if it should still go.</p>
<ul>${v.changedSince.versions.map((x) => html`<li>${x}</li>`)}</ul></section>`
    : ''
}
<section aria-labelledby="fact-h" class="preview"><h2 id="fact-h">${v.fact.title}</h2><p>${v.fact.when}</p></section>
<p>A retracted fact leaves the timeline and the story page; its history keeps every version, and readers of the history see your note.</p>
<form class="desk" method="post" action="${action}" aria-label="Retract the fact" novalidate>
${csrfField(v.csrf)}
<input type="hidden" name="expectedVersion" value="${v.expectedVersion}">
${field({ name: 'reason', label: 'Public note', value: v.reason, multiline: true, rows: 3, required: true, problems: v.problems, hint: 'Why it is retracted, for readers.' })}
<div class="actions"><button type="submit">Retract this fact</button> <a href="/desk/stories/${v.story.id}#facts">Cancel</a></div>
</form>`,
  );
}
