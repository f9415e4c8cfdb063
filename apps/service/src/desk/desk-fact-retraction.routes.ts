import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { factDateWords, type RetractDiplomaticEvent } from '@dateline/domain';
import type { DiplomaticEventView } from '@dateline/projections';
import { RetractDiplomaticEventCommand } from '../diplomatic-events/commands/retract-diplomatic-event/retract-diplomatic-event.command';
import { FORM_POST } from '../http/form-posts';
import { toDomainInput } from '../writing/domain-input';
import type { WriteResult } from '../writing/write-context';
import { pageOf, sendPage, storyOr404, writeContext, type DeskContext } from './desk-context';
import { retractInput } from './fact-form';
import { emptyFactValues, factFormValues } from './fact-form-values';
import { factOr404, isStale, KIND_OF, refuseRetracted, refused, savedRedirect, type Params } from './fact-lookups';
import type { FormBody } from './story-form';
import { renderRetract, type RetractPage } from './templates/fact-retract.template';

/** Retracting a fact: a confirm page that asks for the public note, then the API's retraction command. */
export function registerFactRetractionRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
  const waitMs = ctx.settings.minPositionWaitMs;

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
    return savedRedirect(reply, story.id, result, 'retracted');
  });
}
