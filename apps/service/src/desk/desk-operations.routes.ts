import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KafkaJSError } from 'kafkajs';
import type { RebuildJob } from '../admin/rebuild-jobs';
import { FORM_POST } from '../http/form-posts';
import { DeskErrors, messagesOf, pageOf, sendPage, type DeskContext } from './desk-context';
import { text, type FormBody } from './story-form';
import { renderOperations, type OperationsView } from './templates/operations.template';

const errors = new DeskErrors();

/** The admins' operations page: the same status, rebuild jobs and replay as /admin/* of the API. */
export function registerOperationsRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, status: number, v: Partial<OperationsView> = {}) => {
    const page = pageOf(request, reply);
    return sendPage(reply, status, renderOperations({ page, csrf: page.csrf, status: await ctx.reads.operations(), ...v }));
  };

  fastify.get('/operations', async (request, reply) => {
    const id = (request.query as Record<string, unknown>).rebuild;
    const rebuild = typeof id === 'string' ? ctx.rebuilds.get(id) : ctx.rebuilds.latest();
    return show(request, reply, 200, { rebuild });
  });

  fastify.post('/operations/rebuild', { config: FORM_POST }, async (request, reply) => {
    const chosen = (request.body as FormBody | undefined)?.projections;
    const names = chosen === undefined ? [] : Array.isArray(chosen) ? chosen : [chosen];
    const known = ctx.reads.projectionNames();
    const unknown = names.filter((n) => !known.includes(n));
    if (names.length === 0 || unknown.length > 0)
      return show(request, reply, 400, {
        problems: {
          rebuild: [
            `choose projections to rebuild${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}; known: ${known.join(', ')}`,
          ],
        },
      });
    let job: RebuildJob;
    try {
      job = ctx.rebuilds.start(names);
    } catch (err) {
      const [status, body] = errors.explain(err);
      if (status >= 500) throw err;
      return show(request, reply, status, { problems: { rebuild: messagesOf(body) } });
    }
    return reply.redirect(`/desk/operations?rebuild=${job.id}`, 303);
  });

  fastify.post('/operations/replay', { config: FORM_POST }, async (request, reply) => {
    const body = (request.body ?? {}) as FormBody;
    const form = { from: text(body, 'from').trim(), to: text(body, 'to').trim(), toTopic: text(body, 'toTopic').trim() };
    const position = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : undefined);
    const problems: Record<string, string[]> = {};
    if (position(form.from) === undefined) problems.from = ['from must be a log position (0 or more)'];
    if (form.to !== '' && position(form.to) === undefined) problems.to = ['to must be a log position, or empty for the head'];
    const request_ = { from: position(form.from) ?? 0, ...(form.to !== '' ? { to: position(form.to) } : {}), toTopic: form.toTopic };
    if (Object.keys(problems).length === 0) {
      const refused = ctx.relay.replayProblems(request_);
      if (refused.length > 0) problems.toTopic = refused;
    }
    if (Object.keys(problems).length > 0) {
      const status = problems.toTopic?.some((p) => p.startsWith('Kafka is not configured')) ? 409 : 400;
      return show(request, reply, status, { problems, replay: form });
    }
    try {
      const done = await ctx.relay.replay(request_);
      return show(request, reply, 200, { notice: `Replayed ${done.published} events to ${done.toTopic}.`, replay: form });
    } catch (err) {
      if (!(err instanceof KafkaJSError)) throw err;
      return show(request, reply, 503, { problems: { toTopic: [`Kafka: ${err.message}`] }, replay: form });
    }
  });
}
