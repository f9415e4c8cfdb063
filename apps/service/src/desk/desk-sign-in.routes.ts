import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { whereTokensAre } from '../auth/bearer-token';
import { FORM_POST } from '../http/form-posts';
import { sendPage, type DeskContext } from './desk-context';
import { sameOrigin } from './same-origin';
import { carriedFormPage } from './desk-stories.routes';
import { CARRIED_FACT_ACTION, carriedFactFormPage, FACT_FORM_NAME } from './desk-facts.routes';
import { STORY_FIELDS, text, type FormBody } from './story-form';
import { renderContinue, renderSignIn } from './templates/sign-in.template';

/** Only the desk's own pages: never an absolute or protocol-relative URL (no open redirect). */
function safeReturnTo(value: string): string {
  return /^\/desk(\/|$|\?)/.test(value) && !value.startsWith('//') ? value : '/desk/stories';
}

/** The form actions whose fields survive a sign-in: new story and revise story (fact forms: CARRIED_FACT_ACTION). */
const CARRIED_ACTION = /^\/desk\/stories(\/[0-9a-f-]{36}\/revisions)?$/;

/** A story form's fields, or a fact form's (whose rows have names of their own): what a sign-in may carry. */
function carriedNames(action: string, names: readonly string[]): string[] {
  if (CARRIED_ACTION.test(action)) return STORY_FIELDS;
  return CARRIED_FACT_ACTION.test(action) ? names.filter((n) => FACT_FORM_NAME.test(n)) : [];
}

export function registerSignInRoutes(fastify: FastifyInstance, ctx: DeskContext): void {
  fastify.get('/sign-in', (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const returnTo = safeReturnTo(q.returnTo ?? '');
    if (ctx.sessions.editor(request.session)) return reply.redirect(returnTo, 303);
    // A link from another site arrives without the SameSite=Strict cookie: starting a session here
    // would replace the editor's own. One click from this page is a same-site request that has it.
    if (request.headers['sec-fetch-site'] === 'cross-site')
      return sendPage(reply, 200, renderContinue(`/desk/sign-in?returnTo=${encodeURIComponent(returnTo)}`));
    const notice = q.signedOut !== undefined ? 'You are signed out.' : undefined;
    return sendPage(reply, 200, renderSignIn({ csrf: reply.generateCsrf(), returnTo, notice }));
  });

  fastify.post(
    '/sign-in',
    {
      config: FORM_POST,
      preHandler: [async (request) => sameOrigin(request), (request, reply, done) => fastify.csrfProtection(request, reply, done)],
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as FormBody;
      const returnTo = safeReturnTo(text(body, 'returnTo'));
      const carried = carriedFields(body);
      const principal = ctx.tokens.identify(text(body, 'token').trim());
      if (!principal) {
        const problem = `unknown token; ${whereTokensAre(ctx.tokens.source)}`;
        return sendPage(reply, 401, renderSignIn({ csrf: reply.generateCsrf(), returnTo, problem, carried }));
      }
      ctx.sessions.signIn(request.session, principal);
      if (carried && CARRIED_FACT_ACTION.test(carried.action)) return carriedFactFormPage(request, reply, ctx, carried);
      if (carried) return carriedFormPage(request, reply, ctx, carried);
      return reply.redirect(returnTo, 303);
    },
  );

  fastify.post('/sign-out', { config: FORM_POST, preHandler: [async (request) => sameOrigin(request)] }, (request, reply) => {
    // A sign-out needs no CSRF token when nobody is signed in: there is nothing to end.
    if (!ctx.sessions.editor(request.session)) return reply.redirect('/desk/sign-in', 303);
    fastify.csrfProtection(request, reply, () => {
      ctx.sessions.signOut(request.session);
      void reply.redirect('/desk/sign-in?signedOut', 303);
    });
    return reply;
  });
}

function carriedFields(body: FormBody): { action: string; fields: Record<string, string> } | undefined {
  const action = text(body, 'carryAction');
  const posted = Object.keys(body).flatMap((k) => (k.startsWith('carry.') ? [k.slice('carry.'.length)] : []));
  if (!CARRIED_ACTION.test(action) && !CARRIED_FACT_ACTION.test(action)) return undefined;
  const fields: Record<string, string> = {};
  for (const name of carriedNames(action, posted)) {
    const value = text(body, `carry.${name}`);
    if (value !== '') fields[name] = value;
  }
  return { action, fields };
}

/**
 * A form posted after the session ended (expired, or signed out elsewhere): nothing is written,
 * and the sign-in page carries the posted fields, which come back in the form once signed in.
 */
export function signInAgain(request: FastifyRequest, reply: FastifyReply, _ctx: DeskContext): FastifyReply {
  const action = request.url.split('?')[0];
  const body = (request.body ?? {}) as FormBody;
  const fields: Record<string, string> = {};
  for (const name of carriedNames(action, Object.keys(body))) if (text(body, name) !== '') fields[name] = text(body, name);
  const carried = CARRIED_ACTION.test(action) || CARRIED_FACT_ACTION.test(action) ? { action, fields } : undefined;
  return sendPage(
    reply,
    401,
    renderSignIn({
      csrf: reply.generateCsrf(),
      returnTo: '/desk/stories',
      notice: carried
        ? 'Your session has ended, so nothing was saved. Sign in again: what you wrote is kept and comes back in the form.'
        : 'Your session has ended. Sign in again to continue.',
      carried,
    }),
  );
}
