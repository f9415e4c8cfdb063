import { ConflictException, NotFoundException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { factDateWords, isUuid, StaleVersion } from '@dateline/domain';
import { WrongExpectedVersion } from '@dateline/event-store';
import type { DiplomaticEventView, StoryRevisionView } from '@dateline/projections';
import type { WriteResult } from '../writing/write-context';
import { DeskErrors, messagesOf, type DeskContext } from './desk-context';
import type { FactFormValues } from './fact-form-values';
import { placeProblems, problemTargets } from './fact-problems';
import type { FieldProblems } from './story-form';

// What the desk's fact pages share: finding a story's fact and its neighbours, and what a refused or a successful write leads to.

const errors = new DeskErrors();

export type Params = { id: string; factId: string };

export const KIND_OF: Record<string, string> = {
  DiplomaticEventRecorded: 'Recorded',
  DiplomaticEventAmended: 'Amended',
  DiplomaticEventRetracted: 'Retracted',
};

/** A fact of this story (any state), or a 404: a fact of another story is not this story's to change. */
export async function factOr404(ctx: DeskContext, story: StoryRevisionView, factId: string): Promise<DiplomaticEventView> {
  const fact = isUuid(factId) ? await ctx.reads.fact(factId.toLowerCase()) : undefined;
  if (!fact || !fact.storyIds.includes(story.id))
    throw new NotFoundException(`fact ${JSON.stringify(factId)} not found: story ${story.slug} has no fact with this id`);
  return fact;
}

export function refuseRetracted(fact: DiplomaticEventView, verb: string): void {
  if (fact.state === 'retracted')
    throw new ConflictException(`this fact was retracted (version ${fact.version}) and cannot be ${verb}: its history keeps every version`);
}

/** The story's facts a relation may name, each with how it is dated; titles of every fact, for the words of relations. */
export async function storyFacts(ctx: DeskContext, storyId: string, except?: string) {
  const rows = await ctx.reads.storyFacts(storyId);
  const others = rows
    .filter((r) => !r.retracted && r.entry.id !== except)
    .map((r) => [r.entry.id, `${r.entry.title} (${factDateWords(r.entry.when)})`] as const);
  return { others, titles: new Map(rows.map((r) => [r.entry.id, r.entry.title])) };
}

export const isStale = (err: unknown) => err instanceof StaleVersion || err instanceof WrongExpectedVersion;

/** Problems of a write the command refused, each beside what it names; undefined for a failure of ours. */
export function refused(err: unknown, values: FactFormValues): { status: number; problems: FieldProblems } | undefined {
  const [status, body] = errors.explain(err);
  if (status >= 500) return undefined;
  return { status, problems: placeProblems(messagesOf(body), problemTargets(values), values.relations) };
}

/** After a save: the story's page, which says what was saved and forgets the form's draft (desk-stories.routes.ts). */
export const savedRedirect = (reply: FastifyReply, storyId: string, result: WriteResult, done: 'recorded' | 'amended' | 'retracted') =>
  reply.redirect(`/desk/stories/${storyId}?fact=${result.id}&factSaved=${done}&version=${result.version}#fact-${result.id}`, 303);
