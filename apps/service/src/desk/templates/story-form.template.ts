import { html, SafeHtml, trusted } from '../../reader-page/html';
import { part } from '../../reader-page/templates/story-page.template';
import type { DiffPart } from '../../reading/word-diff';
import type { FieldProblems, StoryFormValues } from '../story-form';
import { deskLayout, type DeskPage } from './desk-layout.template';
import { checkbox, csrfField, field, problemSummary } from './form-fields.template';

export interface WordDiff {
  readonly headline: DiffPart[];
  readonly body: DiffPart[];
}

export interface StoryFormPage {
  readonly page: DeskPage;
  readonly csrf: string;
  readonly values: StoryFormValues;
  /** Absent for a new story. */
  readonly story?: { readonly id: string; readonly slug: string; readonly revision: number };
  readonly problems?: FieldProblems;
  readonly notice?: string;
  /** Filled from the saved story (a GET), not from a post: the script may put a draft back in it. */
  readonly fresh?: boolean;
  /** The editor's text against the revision it starts from, before saving. */
  readonly preview?: WordDiff & { readonly base: number };
  /** Someone saved first: what they changed since the editor's base, and the editor's own version. */
  /** The story's facts (desk/templates/story-facts.template.ts), below the form. */
  readonly facts?: SafeHtml;
  readonly conflict?: {
    readonly base: number;
    readonly theirs: { readonly revision: number; readonly editor?: string; readonly changeNote?: string };
    readonly theirChanges: WordDiff;
    readonly yours: { readonly headline: string; readonly body: string };
  };
}

const LABELS: Record<string, string> = {
  slug: 'Slug',
  headline: 'Headline',
  body: 'Body',
  editorsNote: "Editor's note",
  byline: 'Byline',
  tags: 'Tags',
  changeNote: 'Change note',
  kind: 'Kind',
  expectedRevision: 'Revision',
};

function diffBlock(d: WordDiff, id: string): SafeHtml {
  return html`<h3>Headline</h3><p class="diff" id="${id}-headline">${d.headline.map(part)}</p>
<h3>Body</h3><div class="diff" id="${id}-body">${d.body.map(part)}</div>`;
}

export function renderStoryForm(v: StoryFormPage): SafeHtml {
  const revising = v.story !== undefined;
  const title = revising ? `Revise: ${v.values.headline || v.story.slug}` : 'New story';
  const action = revising ? `/desk/stories/${v.story.id}/revisions` : '/desk/stories';
  const kind = v.values.kind === 'correction' ? 'correction' : 'update';
  const c = v.conflict;
  return deskLayout(
    { ...v.page, title, current: revising ? 'stories' : 'new' },
    html`<h1>${revising ? html`Revise story` : 'New story'}</h1>
${revising ? html`<p class="lede">Slug <strong>${v.story.slug}</strong> · current revision ${v.story.revision} · <a href="/desk/stories/${v.story.id}/history">Revision history</a> · <a href="#facts">Facts</a> · <a href="/stories/${v.story.id}">Reader page</a></p>` : ''}
${v.notice ? html`<p class="notice" role="status" id="form-notice">${v.notice}</p>` : ''}
${problemSummary(v.problems, LABELS)}
${
  c
    ? html`<section class="notice notice--warn" aria-labelledby="conflict-h" id="conflict">
<h2 id="conflict-h">Someone saved first</h2>
<p>You started from revision ${c.base}; ${c.theirs.editor ?? 'another editor'} saved revision ${c.theirs.revision}${c.theirs.changeNote ? html` (“${c.theirs.changeNote}”)` : ''}. Nothing of yours was lost and nothing was saved yet: compare, adjust your text below if needed, and save it on top of revision ${c.theirs.revision}.</p>
</section>
<div class="side-by-side">
<section aria-labelledby="theirs-h" id="theirs"><h2 id="theirs-h">What they changed (revision ${c.base} to ${c.theirs.revision})</h2>${diffBlock(c.theirChanges, 'theirs')}</section>
<section aria-labelledby="yours-h" id="yours"><h2 id="yours-h">Your version</h2><h3>Headline</h3><p class="diff">${c.yours.headline}</p><h3>Body</h3><div class="diff">${c.yours.body}</div></section>
</div>`
    : ''
}
${
  v.preview
    ? html`<section class="preview" aria-labelledby="preview-h" id="preview"><h2 id="preview-h">Preview: your changes to revision ${v.preview.base}</h2>
<p class="visually-hidden">Added words are marked as insertions, removed words as deletions.</p>
${v.preview.headline.length + v.preview.body.length === 0 ? '' : diffBlock(v.preview, 'preview')}</section>`
    : ''
}
<form class="desk" method="post" action="${action}" data-draft-key="${revising ? `story-${v.story.id}` : 'new-story'}"${v.fresh ? trusted(' data-fresh="true"') : ''} aria-label="${title}" novalidate>
${csrfField(v.csrf)}
${revising ? html`<input type="hidden" name="expectedRevision" value="${v.values.expectedRevision}">` : ''}
${
  revising
    ? ''
    : field({
        name: 'slug',
        label: 'Slug',
        value: v.values.slug,
        required: true,
        hint: 'The story’s address, lowercase words joined by hyphens (e.g. istanbul-peace-talks). It cannot change later.',
        problems: v.problems,
      })
}
${field({ name: 'headline', label: 'Headline', value: v.values.headline, required: true, problems: v.problems })}
${field({ name: 'body', label: 'Body', value: v.values.body, multiline: true, required: true, hint: 'Plain text; a blank line starts a new paragraph.', problems: v.problems })}
${field({ name: 'editorsNote', label: "Editor's note", value: v.values.editorsNote, hint: revising ? 'Shown above the story; empty it to remove the note.' : 'Shown above the story (optional).', problems: v.problems })}
${checkbox('developing', 'Developing story', v.values.developing, 'Readers see that the story is still being updated.')}
${
  revising
    ? html`${field({ name: 'changeNote', label: 'Change note', value: v.values.changeNote, required: true, hint: 'Readers see it in the revision history. For a correction, say publicly what was wrong.', problems: v.problems })}
<fieldset${v.problems?.kind?.length ? trusted(' aria-describedby="f-kind-problem"') : ''}><legend>Kind</legend>
${v.problems?.kind?.length ? html`<p class="problem" id="f-kind-problem">${v.problems.kind.join('; ')}</p>` : ''}
<div class="choices" id="f-kind"><label><input type="radio" name="kind" value="update"${kind === 'update' ? trusted(' checked') : ''}> Update</label>
<label><input type="radio" name="kind" value="correction"${kind === 'correction' ? trusted(' checked') : ''}> Correction</label></div></fieldset>`
    : html`${field({ name: 'byline', label: 'Byline', value: v.values.byline, problems: v.problems })}
${field({ name: 'tags', label: 'Tags', value: v.values.tags, hint: 'Comma-separated, e.g. ukraine, ceasefire.', problems: v.problems })}`
}
<p class="draft-status" id="draft-status" aria-live="polite"></p>
<div class="actions">
${revising ? html`<button type="submit" name="intent" value="preview" class="secondary">Preview changes</button>` : ''}
<button type="submit" name="intent" value="save">${c ? `Save on top of revision ${c.theirs.revision}` : revising ? 'Save revision' : 'Create story'}</button>
</div>
</form>
${v.facts ?? ''}`,
  );
}
