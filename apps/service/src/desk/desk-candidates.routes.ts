import { NotFoundException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isUuid, type DiplomaticEventFields } from '@dateline/domain';
import type { FactCandidateView, StoryRevisionView } from '@dateline/projections';
import { DismissalDto } from '../fact-review/fact-review.dto';
import { FORM_POST } from '../http/form-posts';
import { validationMessages } from '../http/validation-messages';
import { toDomainInput } from '../writing/domain-input';
import { pageOf, sendPage, storyOr404, writeContext, type DeskContext } from './desk-context';
import { recordInput } from './fact-form';
import { FACT_LISTS, factFormValues, factValuesOf, type FactFormValues, type FactList } from './fact-form-values';
import { refused, storyFacts } from './fact-lookups';
import { text, type FormBody } from './story-form';
import { renderCandidatePanel, type CandidatePanelPage } from './templates/fact-candidates.template';
import { renderFactForm } from './templates/fact-form.template';

type Params = { id: string; candidateId: string };

/**
 * The proposed fields as a fact form's values. Relations name other candidates by their ids:
 * one already accepted becomes its fact, the others are left out (they are no facts yet: accept
 * them first, then add the relation).
 */
function proposedValues(storyId: string, c: FactCandidateView, all: readonly FactCandidateView[]): FactFormValues {
  const factOf = new Map(all.flatMap((x) => (x.review.state === 'accepted' ? [[x.id, x.review.factId] as const] : [])));
  const relations = c.proposed.relations.flatMap((r) => {
    const fact = typeof r.fact === 'string' && isUuid(r.fact) ? r.fact : factOf.get(String(r.fact));
    return fact ? [{ ...r, fact }] : [];
  });
  const fields = { ...c.proposed, relations, storyIds: [storyId] } as unknown as DiplomaticEventFields;
  return factValuesOf(fields, 1);
}

function rowAsked(body: FormBody): FactList | undefined {
  const intent = text(body, 'intent');
  return FACT_LISTS.find((l) => intent === `add-${l}`);
}

export function registerCandidateRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
  const waitMs = ctx.settings.minPositionWaitMs;

  /** The revision shown: `?revision=n`, else the story's latest. */
  async function revisionOf(story: StoryRevisionView, asked: unknown): Promise<StoryRevisionView> {
    const n = typeof asked === 'string' && /^\d{1,9}$/.test(asked) ? Number(asked) : story.revision;
    const revision = n === story.revision ? story : await ctx.reads.revision(story.id, n);
    if (!revision) throw new NotFoundException(`story ${story.slug} has no revision ${n}: its revisions are 1 to ${story.revision}`);
    return revision;
  }

  async function panel(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    story: StoryRevisionView,
    revision: StoryRevisionView,
    extra: Pick<CandidatePanelPage, 'dismissal' | 'notice'> = {},
  ): Promise<FastifyReply> {
    const page = pageOf(request, reply);
    const candidates = await ctx.reads.candidates(story.id, revision.revision);
    return sendPage(
      reply,
      status,
      renderCandidatePanel({
        page,
        csrf: page.csrf,
        story,
        revision,
        revisions: Array.from({ length: story.revision }, (_, i) => i + 1),
        candidates,
        ...extra,
      }),
    );
  }

  async function candidateOf(
    story: StoryRevisionView,
    candidateId: string,
  ): Promise<{ candidate: FactCandidateView; all: FactCandidateView[] }> {
    const candidate = await ctx.reviews.candidate(story.id, candidateId);
    return { candidate, all: await ctx.reads.candidates(story.id, candidate.revision) };
  }

  async function acceptForm(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    story: StoryRevisionView,
    candidate: FactCandidateView,
    values: FactFormValues,
    problems?: Record<string, string[]>,
  ): Promise<FastifyReply> {
    const page = pageOf(request, reply);
    const { others } = await storyFacts(ctx, story.id);
    return sendPage(
      reply,
      status,
      renderFactForm({
        page,
        csrf: page.csrf,
        story,
        values,
        others,
        ...(problems ? { problems } : { fresh: true }),
        candidate: { id: candidate.id, revision: candidate.revision, evidence: candidate.evidence.text },
      }),
    );
  }

  fastify.get('/stories/:id/candidates', async (request, reply) => {
    const story = await storyOr404(ctx, (request.params as Params).id);
    const q = request.query as Record<string, string | undefined>;
    const revision = await revisionOf(story, q.revision);
    const done =
      q.reviewed === 'accepted'
        ? 'Candidate accepted: the fact is recorded.'
        : q.reviewed === 'dismissed'
          ? 'Candidate dismissed.'
          : undefined;
    return panel(request, reply, 200, story, revision, done ? { notice: done } : {});
  });

  fastify.get('/stories/:id/candidates/:candidateId/acceptance', async (request, reply) => {
    const { id, candidateId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const { candidate, all } = await candidateOf(story, candidateId);
    return acceptForm(request, reply, 200, story, candidate, proposedValues(story.id, candidate, all));
  });

  fastify.post('/stories/:id/candidates/:candidateId/acceptance', { config: FORM_POST }, async (request, reply) => {
    const { id, candidateId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const { candidate, all } = await candidateOf(story, candidateId);
    const body = (request.body ?? {}) as FormBody;
    // "Accept as proposed" posts no fields: the candidate's own are the form.
    const asProposed = text(body, 'intent') === 'as-proposed';
    const addRow = rowAsked(body);
    const values = asProposed ? proposedValues(story.id, candidate, all) : factFormValues(body, addRow);
    if (addRow) return acceptForm(request, reply, 200, story, candidate, values);
    const checked = await recordInput(values, story.id);
    if ('problems' in checked) return acceptForm(request, reply, 400, story, candidate, values, checked.problems);
    let position: number;
    try {
      position = (await ctx.reviews.accept(story.id, candidate.id, toDomainInput(checked.value), writeContext(request))).position;
    } catch (err) {
      const problems = refused(err, values);
      if (!problems) throw err;
      return acceptForm(request, reply, problems.status, story, candidate, values, problems.problems);
    }
    await ctx.reads.candidatesCaughtUp(position, waitMs);
    return reply.redirect(
      `/desk/stories/${story.id}/candidates?revision=${candidate.revision}&reviewed=accepted#candidate-${candidate.id}`,
      303,
    );
  });

  fastify.post('/stories/:id/candidates/:candidateId/dismissal', { config: FORM_POST }, async (request, reply) => {
    const { id, candidateId } = request.params as Params;
    const story = await storyOr404(ctx, id);
    const candidate = await ctx.reviews.candidate(story.id, candidateId);
    const reason = text((request.body ?? {}) as FormBody, 'reason');
    const again = async (status: number, problems: string[]) =>
      panel(request, reply, status, story, await revisionOf(story, String(candidate.revision)), {
        dismissal: { candidateId: candidate.id, reason, problems },
      });
    // The API's own DTO checks the reason, so the desk says what the API would.
    const errors = await validate(plainToInstance(DismissalDto, { reason: reason.trim() }));
    if (errors.length > 0) return again(400, validationMessages(errors));
    let position: number;
    try {
      position = (await ctx.reviews.dismiss(story.id, candidate.id, reason.trim(), writeContext(request))).position;
    } catch (err) {
      const problems = refused(err, factFormValues({}));
      if (!problems) throw err;
      return again(problems.status, Object.values(problems.problems).flat());
    }
    await ctx.reads.candidatesCaughtUp(position, waitMs);
    return reply.redirect(
      `/desk/stories/${story.id}/candidates?revision=${candidate.revision}&reviewed=dismissed#candidate-${candidate.id}`,
      303,
    );
  });
}
