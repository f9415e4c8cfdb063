import { HttpException, HttpStatus } from '@nestjs/common';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifySecureSession from '@fastify/secure-session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DeskErrors, editorOf, messagesOf, pageOf, sendPage, type DeskContext, type DeskDeps } from './desk-context';
import { DESK_SCRIPT } from './desk-script';
import { DeskSessions, type SignedIn } from './desk-session';
import { registerOperationsRoutes } from './desk-operations.routes';
import { registerSignInRoutes, signInAgain } from './desk-sign-in.routes';
import { registerStoryRoutes } from './desk-stories.routes';
import { registerFactRoutes } from './desk-facts.routes';
import { registerFactHistoryRoutes } from './desk-fact-history.routes';
import { registerFactRetractionRoutes } from './desk-fact-retraction.routes';
import { registerCandidateRoutes } from './desk-candidates.routes';
import { sameOrigin } from './same-origin';
import { sessionKey } from '../config/service-secret';
import { budgetHeaders } from '../security/write-budget';
import { renderDeskError } from './templates/desk-error.template';

export const DESK_COOKIE = 'dateline_desk';

/**
 * The editor desk (issue 17), a Fastify plugin registered under /desk: its cookie, session, CSRF
 * and form plugins live in this plugin's encapsulated context only, so the JSON API keeps its bearer
 * tokens and JSON-only bodies. Its pages are not Nest controllers (so not part of the OpenAPI
 * document of the API); its writes go through the API's own commands on the same CommandBus.
 */
export async function deskPlugin(fastify: FastifyInstance, deps: DeskDeps): Promise<void> {
  const ttl = deps.settings.sessionTtlSeconds;
  const ctx: DeskContext = { ...deps, sessions: new DeskSessions(ttl) };
  const errors = new DeskErrors();

  await fastify.register(fastifyFormbody);
  await fastify.register(fastifySecureSession, {
    key: sessionKey(deps.settings.sessionSecret, deps.settings.dataDir),
    cookieName: DESK_COOKIE,
    expiry: ttl,
    // Encrypted and authenticated (libsodium secretbox): stronger than a signature, and unreadable.
    // Secure when the request came over HTTPS (behind a proxy: DATELINE_TRUST_PROXY).
    cookie: { path: '/desk', httpOnly: true, sameSite: 'strict', secure: 'auto', maxAge: ttl },
  });
  await fastify.register(fastifyCsrf, { sessionPlugin: '@fastify/secure-session' });

  fastify.setErrorHandler((err: Error & { code?: string }, request, reply) => {
    let [status, body] = errors.explain(err);
    if (err.code?.startsWith('FST_CSRF')) {
      status = 403;
      body = {
        message:
          'this form did not come from a desk page of this session (its CSRF token is missing or wrong): reload the page and try again',
      };
    }
    if (status >= 500) request.log.error(err);
    return sendPage(reply, status, renderDeskError(pageOf(request, reply), status, messagesOf(body)));
  });

  fastify.get('/assets/desk.js', (_request, reply) =>
    reply
      .header('Content-Type', 'text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .header('X-Content-Type-Options', 'nosniff')
      .send(DESK_SCRIPT),
  );
  fastify.get('/', (request, reply) => reply.redirect(ctx.sessions.editor(request.session) ? '/desk/stories' : '/desk/sign-in', 303));

  registerSignInRoutes(fastify, ctx);
  // Every other route needs a signed-in editor.
  await fastify.register(async (signedIn) => {
    signedIn.addHook('preHandler', async (request, reply) => {
      // First: a post from another site is refused before it can touch any session.
      if (request.method === 'POST') sameOrigin(request);
      const editor = ctx.sessions.editor(request.session);
      if (!editor) return request.method === 'GET' ? toSignIn(request, reply) : signInAgain(request, reply, ctx);
      (request as FastifyRequest & { editor: SignedIn }).editor = editor;
    });
    signedIn.addHook('preHandler', (request, reply, done) =>
      request.method === 'POST' ? signedIn.csrfProtection(request, reply, done) : done(),
    );
    // Then the editor's write budget, the one the API's writes spend too: a form is a write,
    // except a preview, which shows a revision's changes and writes nothing. An editor who
    // checks a correction three times before saving it has saved once.
    signedIn.addHook('preHandler', async (request, reply) => {
      if (request.method === 'POST' && !isPreview(request)) spendWrite(ctx, editorOf(request).name, reply);
    });
    registerStoryRoutes(signedIn, ctx);
    registerFactRoutes(signedIn, ctx);
    registerFactRetractionRoutes(signedIn, ctx);
    registerFactHistoryRoutes(signedIn, ctx);
    registerCandidateRoutes(signedIn, ctx);
    await signedIn.register(async (admins) => {
      admins.addHook('preHandler', async (request) => {
        if (!editorOf(request).roles.includes('admin'))
          throw Object.assign(new Error('the operations page needs the admin role'), { statusCode: 403 });
      });
      registerOperationsRoutes(admins, ctx);
    });
  });
}

/**
 * Spends one write of the editor's budget (security/write-budget.ts); over it, a 429 page that
 * says how long to wait. The form is not carried: the browser's Back keeps what was typed.
 */
function spendWrite(ctx: DeskContext, editor: string, reply: FastifyReply): void {
  const spent = ctx.writes.spend(`token:${editor}`);
  if (!spent) return;
  for (const [name, value] of Object.entries(budgetHeaders(spent))) reply.header(name, value);
  if ('retryAfterSeconds' in spent)
    throw new HttpException(
      `too many changes: at most ${spent.limit} a minute for each editor. Wait ${spent.retryAfterSeconds} s, then go back and send the form again: your browser keeps what you typed`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
}

/** A form posted to be shown, not saved (the revision form's Preview button). */
function isPreview(request: FastifyRequest): boolean {
  return (request.body as Record<string, unknown> | undefined)?.intent === 'preview';
}

function toSignIn(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(`/desk/sign-in?returnTo=${encodeURIComponent(request.url)}`, 303);
}
