import { NotFoundException } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { isUuid } from '@dateline/domain';
import type { StoryRevisionView } from '@dateline/projections';
import type { RelayService } from '@dateline/kafka';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RebuildJobs } from '../admin/rebuild-jobs';
import type { TokenRegistry } from '../auth/token-registry';
import type { Settings } from '../config/settings';
import { ErrorsFilter } from '../http/errors.filter';
import { READER_PAGE_CSP } from '../reader-page/templates/layout.template';
import type { SafeHtml } from '../reader-page/html';
import type { WriteContext } from '../writing/write-context';
import type { WriteBudget } from '../security/write-budget';
import type { FactCandidateReviews } from '../fact-review/fact-candidate-reviews';
import type { DeskReads } from './desk-reads';
import type { DeskSessions, SignedIn } from './desk-session';
import type { DeskPage } from './templates/desk-layout.template';

/** What the desk's routes use: the same command bus, rebuild jobs and relay as the API's controllers. */
export interface DeskDeps {
  readonly commands: CommandBus;
  readonly reads: DeskReads;
  readonly tokens: TokenRegistry;
  readonly settings: Settings;
  readonly rebuilds: RebuildJobs;
  readonly relay: RelayService;
  /** Accepting and dismissing fact candidates: the API's own (fact-review/fact-candidate-reviews.ts). */
  readonly reviews: FactCandidateReviews;
  /** The editors' write budgets, shared with the API (security/write-budget.ts). */
  readonly writes: WriteBudget;
}

export interface DeskContext extends DeskDeps {
  readonly sessions: DeskSessions;
}

/** The API's statuses and messages for a failure (http/errors.filter.ts), for the desk to show in a page. */
export class DeskErrors extends ErrorsFilter {
  explain(err: unknown): [number, Record<string, unknown>] {
    return this.describe(err);
  }
}

export function messagesOf(body: Record<string, unknown>): string[] {
  const m = body.message;
  const words = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  return Array.isArray(m) ? m.map(words) : m === undefined ? [] : [words(m)];
}

/** The editor signed in on this request, set by the desk's guard hook. */
export function editorOf(request: FastifyRequest): SignedIn {
  return (request as FastifyRequest & { editor: SignedIn }).editor;
}

/** The events of a desk write are signed by the session's editor, as a bearer token signs the API's. */
export function writeContext(request: FastifyRequest): WriteContext {
  const editor = editorOf(request);
  return { principal: { name: editor.name, roles: editor.roles }, correlationId: randomUUID() };
}

export async function storyOr404(ctx: DeskContext, id: string): Promise<StoryRevisionView> {
  const story = isUuid(id) ? await ctx.reads.story(id.toLowerCase()) : undefined;
  if (!story) throw new NotFoundException(`story ${JSON.stringify(id)} not found: no story has this id`);
  return story;
}

/** The layout's per-request part: who is signed in and the CSRF token of the sign-out form. */
export function pageOf(request: FastifyRequest, reply: FastifyReply): DeskPage & { csrf: string } {
  const editor = (request as FastifyRequest & { editor?: SignedIn }).editor;
  // Only a signed-in page makes a CSRF token (for its sign-out form): generating one starts a
  // session, and a new cookie would replace one the browser did not send (a cross-site request).
  return { editor, csrf: editor ? reply.generateCsrf() : '' };
}

/**
 * Sends a desk page: the reader page's strict CSP (no inline script), and never stored by a cache
 * (it shows one editor's session and carries their CSRF token).
 */
export function sendPage(reply: FastifyReply, status: number, page: SafeHtml): FastifyReply {
  return reply
    .code(status)
    .header('Content-Type', 'text/html; charset=utf-8')
    .header('Content-Security-Policy', READER_PAGE_CSP)
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'same-origin')
    .send(page.value);
}
