import { ConflictException, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  factDateWords,
  isUuid,
  StaleVersion,
  type AmendDiplomaticEvent,
  type DiplomaticEventFields,
  type RecordDiplomaticEvent,
  type RetractDiplomaticEvent,
} from '@dateline/domain';
import { WrongExpectedVersion } from '@dateline/event-store';
import type { DiplomaticEventView, StoryRevisionView } from '@dateline/projections';
import { AmendDiplomaticEventCommand } from '../diplomatic-events/commands/amend-diplomatic-event/amend-diplomatic-event.command';
import { RecordDiplomaticEventCommand } from '../diplomatic-events/commands/record-diplomatic-event/record-diplomatic-event.command';
import { RetractDiplomaticEventCommand } from '../diplomatic-events/commands/retract-diplomatic-event/retract-diplomatic-event.command';
import { FORM_POST } from '../http/form-posts';
import { toDomainInput } from '../writing/domain-input';
import type { WriteResult } from '../writing/write-context';
import { DeskErrors, messagesOf, pageOf, sendPage, storyOr404, writeContext, type DeskContext } from './desk-context';
import { fieldName, valueWords } from './fact-change-words';
import { amendInput, changedFields, FACT_FIELDS, recordInput, retractInput, type FactField } from './fact-form';
import { emptyFactValues, FACT_LISTS, factFormValues, factValuesOf, type FactFormValues, type FactList } from './fact-form-values';
import { placeProblems, problemTargets } from './fact-problems';
import { text, type FieldProblems, type FormBody } from './story-form';
import { renderFactForm, type FactFormPage } from './templates/fact-form.template';
import { renderFactHistory, type FactHistoryRow } from './templates/fact-history.template';
import { renderRetract, type RetractPage } from './templates/fact-retract.template';

const errors = new DeskErrors();

type Params = { id: string; factId: string };

const KIND_OF: Record<string, string> = {
  DiplomaticEventRecorded: 'Recorded',
  DiplomaticEventAmended: 'Amended',
  DiplomaticEventRetracted: 'Retracted',
};

/** A fact of this story (any state), or a 404: a fact of another story is not this story's to change. */
async function factOr404(ctx: DeskContext, story: StoryRevisionView, factId: string): Promise<DiplomaticEventView> {
  const fact = isUuid(factId) ? await ctx.reads.fact(factId.toLowerCase()) : undefined;
  if (!fact || !fact.storyIds.includes(story.id))
    throw new NotFoundException(`fact ${JSON.stringify(factId)} not found: story ${story.slug} has no fact with this id`);
  return fact;
}

function refuseRetracted(fact: DiplomaticEventView, verb: string): void {
  if (fact.state === 'retracted')
    throw new ConflictException(`this fact was retracted (version ${fact.version}) and cannot be ${verb}: its history keeps every version`);
}

/** The story's facts a relation may name, each with how it is dated; titles of every fact, for the words of relations. */
async function storyFacts(ctx: DeskContext, storyId: string, except?: string) {
  const rows = await ctx.reads.storyFacts(storyId);
  const others = rows
    .filter((r) => !r.retracted && r.entry.id !== except)
    .map((r) => [r.entry.id, `${r.entry.title} (${factDateWords(r.entry.when)})`] as const);
  return { others, titles: new Map(rows.map((r) => [r.entry.id, r.entry.title])) };
}

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

const isStale = (err: unknown) => err instanceof StaleVersion || err instanceof WrongExpectedVersion;

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

  /** Problems of a write the command refused, each beside what it names; undefined for a failure of ours. */
  function refused(err: unknown, values: FactFormValues): { status: number; problems: FieldProblems } | undefined {
    const [status, body] = errors.explain(err);
    if (status >= 500) return undefined;
    return { status, problems: placeProblems(messagesOf(body), problemTargets(values), values.relations) };
  }

  const saved = (reply: FastifyReply, storyId: string, result: WriteResult, done: string) =>
    reply.redirect(`/desk/stories/${storyId}?fact=${result.id}&factSaved=${done}&version=${result.version}#fact-${result.id}`, 303);

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
    return saved(reply, story.id, result, 'recorded');
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
    return saved(reply, story.id, result, 'amended');
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

  async function retractPage(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    v: Omit<RetractPage, 'page' | 'csrf' | 'fact'> & { fact: DiplomaticEventView },
  ): Promise<FastifyReply> {
    const page = pageOf(request, reply);
    const fact = { id: v.fact.id, title: v.fact.title, when: factDateWords(v.fact.when) };
    return sendPage(reply, status, renderRetract({ ...v, fact, page, csrf: page.csrf }));
  }

  fastify.get('/stories/:id/facts/:factId/retraction', async (request, reply) => {
    const { id, factId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const fact = await factOr404(ctx, story, factId);
    refuseRetracted(fact, 'retracted again');
    return retractPage(request, reply, 200, { story, fact, expectedVersion: String(fact.version), reason: '' });
  });

  fastify.post('/stories/:id/facts/:factId/retraction', { config: FORM_POST }, async (request, reply) => {
    const { id, factId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const fact = await factOr404(ctx, story, factId);
    const values = factFormValues((request.body ?? {}) as FormBody);
    const page = { story, fact, expectedVersion: values.expectedVersion, reason: values.reason };
    const checked = await retractInput(values);
    if ('problems' in checked) return retractPage(request, reply, 400, { ...page, problems: checked.problems });
    const input: RetractDiplomaticEvent = { type: 'RetractDiplomaticEvent', eventId: fact.id, ...toDomainInput(checked.value) };
    let result: WriteResult;
    try {
      result = await ctx.commands.execute(new RetractDiplomaticEventCommand(input, writeContext(request)));
    } catch (err) {
      if (isStale(err)) {
        await ctx.reads.factsCaughtUp('head', waitMs);
        const now = (await ctx.reads.fact(fact.id)) ?? fact;
        const since = now.history
          .filter((h) => h.version > Number(values.expectedVersion))
          .map(
            (h) =>
              `Version ${h.version}: ${(KIND_OF[h.type] ?? h.type).toLowerCase()} by ${h.editor ?? 'another editor'}${h.reason ? ` (“${h.reason}”)` : ''}`,
          );
        if (now.state === 'retracted')
          return retractPage(request, reply, 409, { ...page, fact: now, problems: { form: ['this fact has been retracted already'] } });
        return retractPage(request, reply, 409, {
          ...page,
          fact: now,
          expectedVersion: String(now.version),
          changedSince: { current: now.version, versions: since },
        });
      }
      const problems = refused(err, { ...emptyFactValues(), reason: values.reason });
      if (!problems) throw err;
      return retractPage(request, reply, problems.status, { ...page, problems: problems.problems });
    }
    await ctx.reads.factsCaughtUp(result.position, waitMs);
    return saved(reply, story.id, result, 'retracted');
  });

  fastify.get('/stories/:id/facts/:factId/history', async (request, reply) => {
    const { id, factId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const fact = await factOr404(ctx, story, factId);
    const [first, { titles }] = await Promise.all([ctx.reads.factVersion(fact.id, 1), storyFacts(ctx, story.id)]);
    const rows: FactHistoryRow[] = fact.history.map((h) => {
      const set = ((h.type === 'DiplomaticEventRecorded' ? first : h.changes) ?? {}) as Record<string, unknown>;
      const shown = FACT_FIELDS.filter((f) => f in set && !(h.type === 'DiplomaticEventRecorded' && isEmpty(set[f])));
      return {
        version: h.version,
        kind: KIND_OF[h.type] ?? h.type,
        recordedAt: h.recordedAt,
        editor: h.editor,
        reason: h.reason,
        fields: shown.map((f) => ({ name: fieldName(f), words: valueWords(f, set[f], titles) })),
      };
    });
    const page = pageOf(request, reply);
    return sendPage(
      reply,
      200,
      renderFactHistory(page, story, { id: fact.id, title: fact.title, retracted: fact.state === 'retracted' }, rows),
    );
  });
}

const isEmpty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);
