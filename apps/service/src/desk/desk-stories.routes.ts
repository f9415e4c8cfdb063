import { NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isBoringRevision, type CreateStory, type ReviseStory } from '@dateline/domain';
import type { StoryRevisionView } from '@dateline/projections';
import { FORM_POST } from '../http/form-posts';
import { revisionDiff } from '../reading/revision-diff';
import { wordDiff } from '../reading/word-diff';
import { CreateStoryCommand } from '../stories/commands/create-story/create-story.command';
import { ReviseStoryCommand } from '../stories/commands/revise-story/revise-story.command';
import { toDomainInput } from '../writing/domain-input';
import type { WriteResult } from '../writing/write-context';
import { DeskErrors, messagesOf, pageOf, sendPage, storyOr404, writeContext, type DeskContext } from './desk-context';
import { createInput, reviseInput, storyFormValues, text, type FieldProblems, type FormBody, type StoryFormValues } from './story-form';
import { renderStoryForm, type StoryFormPage } from './templates/story-form.template';
import { renderStoryHistory } from './templates/story-history.template';
import { renderStoryList } from './templates/story-list.template';
import { storyFactsSection } from './templates/story-facts.template';

const errors = new DeskErrors();

const EMPTY: StoryFormValues = {
  slug: '',
  headline: '',
  body: '',
  editorsNote: '',
  byline: '',
  tags: '',
  developing: true,
  changeNote: '',
  kind: 'update',
  expectedRevision: '',
};

function valuesOf(story: StoryRevisionView): StoryFormValues {
  return {
    ...EMPTY,
    slug: story.slug,
    headline: story.headline,
    body: story.body,
    editorsNote: story.editorsNote ?? '',
    developing: story.developing,
    expectedRevision: String(story.revision),
  };
}

/** The story form; when revising, with the story's facts below it (whatever the form's state: a fact is one click away). */
async function formPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  status: number,
  v: Omit<StoryFormPage, 'page' | 'csrf' | 'facts'>,
  clearDraft?: string,
): Promise<FastifyReply> {
  const page = { ...pageOf(request, reply), clearDraft };
  const facts = v.story ? storyFactsSection(v.story.id, await ctx.reads.storyFacts(v.story.id), v.story.revision) : undefined;
  return sendPage(reply, status, renderStoryForm({ ...v, facts, page, csrf: page.csrf }));
}

/** Problems of a rejected write, by field where the message names one (the API's words), else for the whole form. */
function writeProblems(err: unknown): { status: number; problems: FieldProblems } | undefined {
  const [status, body] = errors.explain(err);
  if (status >= 500) return undefined;
  const problems: FieldProblems = {};
  for (const m of messagesOf(body)) {
    const field =
      /^(slug|headline|body|editorsNote|byline|tags|changeNote|kind|expectedRevision)\b/.exec(m)?.[1] ??
      (m.startsWith('slug ') ? 'slug' : 'form');
    (problems[field] ??= []).push(m);
  }
  return { status, problems };
}

/** After a fact was saved (desk-facts.routes.ts redirects here): what to say, and which draft the script forgets. */
function factSaved(storyId: string, q: Record<string, string | undefined>): { notice: string; clearDraft: string } | undefined {
  const [id, done, version] = [q.fact ?? '', q.factSaved, Number(q.version)];
  if (!/^[0-9a-f-]{36}$/.test(id) || !Number.isSafeInteger(version)) return undefined;
  if (done === 'recorded') return { notice: `Fact recorded (version ${version}).`, clearDraft: `fact-new-${storyId}` };
  if (done === 'amended') return { notice: `Fact amended: it is at version ${version} now.`, clearDraft: `fact-${id}` };
  if (done === 'retracted') return { notice: `Fact retracted (version ${version}): it has left the timeline.`, clearDraft: `fact-${id}` };
  return undefined;
}

export function registerStoryRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
  const waitMs = ctx.settings.minPositionWaitMs;

  fastify.get('/stories', async (request, reply) => {
    const q = ((request.query as Record<string, unknown>).q ?? '') as unknown;
    const search = typeof q === 'string' ? q.trim().slice(0, 200) : '';
    return sendPage(reply, 200, renderStoryList(pageOf(request, reply), search, await ctx.reads.stories(search || undefined)));
  });

  fastify.get('/stories/new', (request, reply) => formPage(request, reply, ctx, 200, { values: EMPTY, fresh: true }));

  fastify.post('/stories', { config: FORM_POST }, async (request, reply) => {
    const values = storyFormValues((request.body ?? {}) as FormBody);
    const checked = await createInput(values);
    if ('problems' in checked) return formPage(request, reply, ctx, 400, { values, problems: checked.problems });
    const input: CreateStory = {
      type: 'CreateStory',
      storyId: randomUUID(),
      ...toDomainInput(checked.value),
    };
    let result: WriteResult;
    try {
      result = await ctx.commands.execute(new CreateStoryCommand(input, writeContext(request)));
    } catch (err) {
      const refused = writeProblems(err);
      if (!refused) throw err;
      return formPage(request, reply, ctx, refused.status, { values, problems: refused.problems });
    }
    await ctx.reads.caughtUp(result.position, waitMs);
    return reply.redirect(`/desk/stories/${result.id}?created`, 303);
  });

  fastify.get('/stories/:id', async (request, reply) => {
    const story = await storyOr404(ctx, (request.params as { id: string }).id);
    const q = request.query as Record<string, string | undefined>;
    const fact = factSaved(story.id, q);
    const notice =
      q.created !== undefined ? 'Story created (revision 1).' : q.saved !== undefined ? `Saved revision ${story.revision}.` : fact?.notice;
    const clearDraft = q.created !== undefined ? 'new-story' : q.saved !== undefined ? `story-${story.id}` : fact?.clearDraft;
    return formPage(request, reply, ctx, 200, { values: valuesOf(story), story, fresh: true, notice }, clearDraft);
  });

  fastify.post('/stories/:id/revisions', { config: FORM_POST }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const story = await storyOr404(ctx, (request.params as { id: string }).id);
    const values = storyFormValues(body);
    return revise(request, reply, ctx, story, values, text(body, 'intent') === 'preview' ? 'preview' : 'save');
  });

  fastify.get('/stories/:id/history', async (request, reply) => {
    const story = await storyOr404(ctx, (request.params as { id: string }).id);
    const revisions = (await ctx.reads.revisions(story.id)) ?? [];
    const rows = revisions.map((r, i) => ({
      revision: r.revision,
      recordedAt: r.recordedAt,
      kind: r.kind,
      editor: r.editor,
      changeNote: r.changeNote,
      boring: i > 0 && isBoringRevision(revisions[i - 1], r),
      diff: i > 0 ? revisionDiff(revisions[i - 1], r) : undefined,
    }));
    return sendPage(reply, 200, renderStoryHistory(pageOf(request, reply), story, rows));
  });
}

async function revise(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  story: StoryRevisionView,
  values: StoryFormValues,
  intent: 'preview' | 'save',
): Promise<FastifyReply> {
  // The form's own base revision: the diff and "what changed" are against what the editor started from.
  const baseNumber = Number(values.expectedRevision);
  const base = Number.isSafeInteger(baseNumber) && baseNumber >= 1 ? await ctx.reads.revision(story.id, baseNumber) : undefined;
  const checked = await reviseInput(values, base ?? story);
  if ('problems' in checked) return formPage(request, reply, ctx, 400, { values, story, problems: checked.problems });
  if (intent === 'preview') {
    const from = base ?? story;
    return formPage(request, reply, ctx, 200, {
      values,
      story,
      preview: { base: from.revision, headline: wordDiff(from.headline, values.headline), body: wordDiff(from.body, values.body) },
    });
  }
  const input: ReviseStory = { type: 'ReviseStory', storyId: story.id, ...toDomainInput(checked.value) };
  try {
    const result = await ctx.commands.execute(new ReviseStoryCommand(input, writeContext(request)));
    await ctx.reads.caughtUp(result.position, ctx.settings.minPositionWaitMs);
    return reply.redirect(`/desk/stories/${story.id}?saved=${result.version}`, 303);
  } catch (err) {
    const refused = writeProblems(err);
    if (!refused) throw err;
    const [, detail] = errors.explain(err);
    if (refused.status === 409 && typeof detail.currentRevision === 'number')
      return conflict(request, reply, ctx, story.id, values, detail.currentRevision);
    return formPage(request, reply, ctx, refused.status, { values, story, problems: refused.problems });
  }
}

/**
 * Someone saved first. The editor's text is shown back untouched beside what the other editor
 * changed, and the form now carries the newest revision, so the next save goes on top of it.
 */
async function conflict(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  id: string,
  values: StoryFormValues,
  currentRevision: number,
): Promise<FastifyReply> {
  const baseNumber = Number(values.expectedRevision);
  const [base, theirs] = await Promise.all([ctx.reads.revision(id, baseNumber), waitForRevision(ctx, id, currentRevision)]);
  if (!base || !theirs)
    throw new NotFoundException(`story ${id} has no revision ${base ? currentRevision : baseNumber} yet: reload the page`);
  const current = (await ctx.reads.story(id)) ?? theirs;
  return formPage(request, reply, ctx, 409, {
    values: { ...values, expectedRevision: String(theirs.revision) },
    story: current,
    conflict: {
      base: base.revision,
      theirs: { revision: theirs.revision, editor: theirs.editor, changeNote: theirs.changeNote },
      theirChanges: { headline: wordDiff(base.headline, theirs.headline), body: wordDiff(base.body, theirs.body) },
      yours: { headline: values.headline, body: values.body },
    },
  });
}

/** The revision that won the race may not be projected yet: wait (as a read with minPosition would) until it is. */
async function waitForRevision(ctx: DeskContext, id: string, n: number): Promise<StoryRevisionView | undefined> {
  await ctx.reads.caughtUpWithLog(ctx.settings.minPositionWaitMs);
  return ctx.reads.revision(id, n);
}

/** After a sign-in that carried a posted form: the same form again, filled with what the editor had written. */
export async function carriedFormPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  carried: { action: string; fields: Record<string, string> },
): Promise<FastifyReply> {
  (request as FastifyRequest & { editor: unknown }).editor = ctx.sessions.editor(request.session);
  const values = storyFormValues(carried.fields);
  const notice = 'You are signed in again. Your text is back in the form: check it, then save.';
  const id = /^\/desk\/stories\/([0-9a-f-]{36})\/revisions$/.exec(carried.action)?.[1];
  if (!id) return formPage(request, reply, ctx, 200, { values, notice });
  const story = await storyOr404(ctx, id);
  return formPage(request, reply, ctx, 200, { values, story, notice });
}
