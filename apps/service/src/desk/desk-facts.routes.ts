import { NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AmendDiplomaticEvent, DiplomaticEventFields, RecordDiplomaticEvent } from '@dateline/domain';
import type { DiplomaticEventView, StoryRevisionView } from '@dateline/projections';
import { AmendDiplomaticEventCommand } from '../diplomatic-events/commands/amend-diplomatic-event/amend-diplomatic-event.command';
import { RecordDiplomaticEventCommand } from '../diplomatic-events/commands/record-diplomatic-event/record-diplomatic-event.command';
import { FORM_POST } from '../http/form-posts';
import { toDomainInput } from '../writing/domain-input';
import type { WriteResult } from '../writing/write-context';
import { pageOf, sendPage, storyOr404, writeContext, type DeskContext } from './desk-context';
import { valueWords } from './fact-change-words';
import { amendInput, changedFields, recordInput, type FactField } from './fact-form';
import { emptyFactValues, FACT_LISTS, factFormValues, factValuesOf, type FactFormValues, type FactList } from './fact-form-values';
import { factOr404, isStale, KIND_OF, refuseRetracted, refused, savedRedirect, storyFacts, type Params } from './fact-lookups';
import { text, type FormBody } from './story-form';
import { renderFactForm, type FactFormPage } from './templates/fact-form.template';

/** "Add another <row>": the list it asks a row for, if the button was one of those. */
function rowAsked(body: FormBody): FactList | undefined {
  const intent = text(body, 'intent');
  return FACT_LISTS.find((l) => intent === `add-${l}`);
}

/** The form's own values of the fields the editor changed, on top of the fact as it is now: what a save after a conflict would send. */
function rebased(values: FactFormValues, now: DiplomaticEventView, mine: readonly FactField[]): FactFormValues {
  const merged: FactFormValues = { ...factValuesOf(now, now.version), reason: values.reason, publishedAt: values.publishedAt };
  for (const f of mine) Object.assign(merged, { [f]: values[f] });
  return { ...merged, blankRows: values.blankRows };
}

type FormView = Omit<FactFormPage, 'page' | 'csrf' | 'others' | 'story'> & { story: StoryRevisionView };

async function factFormPage(request: FastifyRequest, reply: FastifyReply, ctx: DeskContext, status: number, v: FormView) {
  const page = pageOf(request, reply);
  const { others } = await storyFacts(ctx, v.story.id, v.fact?.id);
  return sendPage(reply, status, renderFactForm({ ...v, others, page, csrf: page.csrf }));
}

/** The form actions of fact forms whose fields survive a sign-in (desk-sign-in.routes.ts): add a fact, amend one. */
export const CARRIED_FACT_ACTION = /^\/desk\/stories\/([0-9a-f-]{36})\/facts(?:\/([0-9a-f-]{36})\/amendments)?$/;

/** The names a fact form posts (the API's property paths): what a sign-in carries, nothing else. */
export const FACT_FORM_NAME =
  /^(title|kind|summary|status|cameoCode|publishedAt|reason|expectedVersion|when\.\w+|location\.\w+|(relations|about|participants|sources|quotes)\.\d{1,3}\.[\w.]+)$/;

/** After a sign-in that carried a posted fact form: the same form again, filled with what the editor had written. */
export async function carriedFactFormPage(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: DeskContext,
  carried: { action: string; fields: Record<string, string> },
): Promise<FastifyReply> {
  (request as FastifyRequest & { editor: unknown }).editor = ctx.sessions.editor(request.session);
  const [, storyId = '', factId] = CARRIED_FACT_ACTION.exec(carried.action) ?? [];
  const story = await storyOr404(ctx, storyId);
  const fact = factId ? await factOr404(ctx, story, factId) : undefined;
  const notice = 'You are signed in again. Your text is back in the form: check it, then save.';
  const values = factFormValues(carried.fields);
  return factFormPage(request, reply, ctx, 200, {
    story,
    values,
    notice,
    ...(fact ? { fact: { id: fact.id, version: fact.version } } : {}),
  });
}

export function registerFactRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
  const waitMs = ctx.settings.minPositionWaitMs;
  const formPage = (request: FastifyRequest, reply: FastifyReply, status: number, v: FormView) =>
    factFormPage(request, reply, ctx, status, v);

  fastify.get('/stories/:id/facts/new', async (request, reply) => {
    const story = await storyOr404(ctx, (request.params as Params).id);
    return formPage(request, reply, 200, { story, values: emptyFactValues(), fresh: true });
  });

  fastify.post('/stories/:id/facts', { config: FORM_POST }, async (request, reply) => {
    const story = await storyOr404(ctx, (request.params as Params).id);
    const body = (request.body ?? {}) as FormBody;
    const addRow = rowAsked(body);
    const values = factFormValues(body, addRow);
    if (addRow) return formPage(request, reply, 200, { story, values });
    const checked = await recordInput(values, story.id);
    if ('problems' in checked) return formPage(request, reply, 400, { story, values, problems: checked.problems });
    const input: RecordDiplomaticEvent = { type: 'RecordDiplomaticEvent', eventId: randomUUID(), fields: toDomainInput(checked.value) };
    let result: WriteResult;
    try {
      result = await ctx.commands.execute(new RecordDiplomaticEventCommand(input, writeContext(request)));
    } catch (err) {
      const problems = refused(err, values);
      if (!problems) throw err;
      return formPage(request, reply, problems.status, { story, values, problems: problems.problems });
    }
    await ctx.reads.factsCaughtUp(result.position, waitMs);
    return savedRedirect(reply, story.id, result, 'recorded');
  });

  fastify.get('/stories/:id/facts/:factId/amendments', async (request, reply) => {
    const { id, factId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const fact = await factOr404(ctx, story, factId);
    refuseRetracted(fact, 'amended');
    return formPage(request, reply, 200, { story, fact, values: factValuesOf(fact, fact.version), fresh: true });
  });

  fastify.post('/stories/:id/facts/:factId/amendments', { config: FORM_POST }, async (request, reply) => {
    const { id, factId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const fact = await factOr404(ctx, story, factId);
    const body = (request.body ?? {}) as FormBody;
    const addRow = rowAsked(body);
    const values = factFormValues(body, addRow);
    const shown = { id: fact.id, version: fact.version };
    if (addRow) return formPage(request, reply, 200, { story, fact: shown, values });
    // Only what the editor changed, against the version the form started from, not against a newer one.
    const baseVersion = Number(values.expectedVersion);
    const base: DiplomaticEventFields =
      (Number.isSafeInteger(baseVersion) && baseVersion >= 1 ? await ctx.reads.factVersion(fact.id, baseVersion) : undefined) ?? fact;
    const checked = await amendInput(values, base);
    if ('problems' in checked) return formPage(request, reply, 400, { story, fact: shown, values, problems: checked.problems });
    const { expectedVersion, changes, reason, publishedAt } = toDomainInput(checked.value);
    const input: AmendDiplomaticEvent = {
      type: 'AmendDiplomaticEvent',
      eventId: fact.id,
      expectedVersion,
      changes,
      reason,
      ...(publishedAt !== undefined ? { publishedAt } : {}),
    };
    let result: WriteResult;
    try {
      result = await ctx.commands.execute(new AmendDiplomaticEventCommand(input, writeContext(request)));
    } catch (err) {
      if (isStale(err)) return amendConflict(request, reply, story, fact.id, values, checked.changed, baseVersion);
      const problems = refused(err, values);
      if (!problems) throw err;
      return formPage(request, reply, problems.status, { story, fact: shown, values, problems: problems.problems });
    }
    await ctx.reads.factsCaughtUp(result.position, waitMs);
    return savedRedirect(reply, story.id, result, 'amended');
  });

  /**
   * Someone saved a newer version first. Nothing is lost: the form comes back with the editor's
   * changes on top of the newer version, beside what the other editor changed, and saves on top of it.
   */
  async function amendConflict(
    request: FastifyRequest,
    reply: FastifyReply,
    story: StoryRevisionView,
    factId: string,
    values: FactFormValues,
    mine: FactField[],
    baseVersion: number,
  ): Promise<FastifyReply> {
    // The version that won may not be projected yet: wait as a read with minPosition would.
    await ctx.reads.factsCaughtUp('head', waitMs);
    const [now, base, { titles }] = await Promise.all([
      ctx.reads.fact(factId),
      ctx.reads.factVersion(factId, baseVersion),
      storyFacts(ctx, story.id),
    ]);
    if (!now) throw new NotFoundException(`fact ${factId} not found`);
    const shown = { id: now.id, version: now.version };
    if (now.state === 'retracted' || !base) {
      const problem =
        now.state === 'retracted'
          ? `this fact was retracted (version ${now.version}) while you edited it: it can no longer be amended`
          : `expectedVersion ${values.expectedVersion} is not a version of this fact: it is at version ${now.version}`;
      return formPage(request, reply, 409, {
        story,
        fact: shown,
        values: { ...values, expectedVersion: String(now.version) },
        problems: { form: [problem] },
      });
    }
    const theirs = changedFields(base, now);
    return formPage(request, reply, 409, {
      story,
      fact: shown,
      values: { ...rebased(values, now, mine), expectedVersion: String(now.version) },
      conflict: {
        base: baseVersion,
        current: now.version,
        versions: now.history
          .filter((h) => h.version > baseVersion)
          .map((h) => ({ version: h.version, kind: (KIND_OF[h.type] ?? h.type).toLowerCase(), editor: h.editor, reason: h.reason })),
        theirs: theirs.map((f) => ({ field: f, words: valueWords(f, now[f], titles) })),
        yours: mine,
      },
    });
  }
}
