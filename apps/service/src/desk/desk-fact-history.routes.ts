import type { FastifyInstance } from 'fastify';
import { pageOf, sendPage, storyOr404, type DeskContext } from './desk-context';
import { fieldName, valueWords } from './fact-change-words';
import { FACT_FIELDS } from './fact-form';
import { factOr404, KIND_OF, storyFacts, type Params } from './fact-lookups';
import { renderFactHistory, type FactHistoryRow } from './templates/fact-history.template';

/** A fact's history: every version with who saved it, when, why, and what it recorded or changed, in words. */
export function registerFactHistoryRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
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
