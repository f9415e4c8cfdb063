/** The desk's session cookie (DESK_COOKIE of apps/service/src/desk/desk.plugin.ts, which this process does not load). */
const DESK_COOKIE = 'dateline_desk';

/** A signed-in desk session as a browser holds it: the session cookie and a CSRF token of one of its pages. */
export interface DeskSession {
  /** `dateline_desk=…`, for a Cookie header. */
  readonly cookie: string;
  /** A form's `_csrf`: valid for every post of this session, since the session's CSRF secret does not change. */
  readonly csrf: string;
}

function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the desk page has no CSRF token');
  return match[1];
}

/** The desk's cookie from a response's Set-Cookie headers, or `current` when it set none. */
function cookieOf(res: Response, current: string): string {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0];
    if (pair.startsWith(`${DESK_COOKIE}=`)) return pair;
  }
  return current;
}

/**
 * Signs in through the sign-in form as a browser does (its CSRF token, its Origin), then opens the
 * story list once, which puts the CSRF secret in the session: from then on the session no longer
 * changes, so a load generator can send the same cookie with every request until it expires.
 */
export async function signInToDesk(base: string, token: string): Promise<DeskSession> {
  const form = await fetch(`${base}/desk/sign-in`);
  if (form.status !== 200) throw new Error(`GET /desk/sign-in answered ${form.status}`);
  let cookie = cookieOf(form, '');
  const signIn = await fetch(`${base}/desk/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie },
    body: new URLSearchParams({ _csrf: csrfOf(await form.text()), token, returnTo: '/desk/stories' }).toString(),
  });
  if (signIn.status !== 303) throw new Error(`POST /desk/sign-in answered ${signIn.status}: ${await signIn.text()}`);
  cookie = cookieOf(signIn, cookie);
  const list = await fetch(`${base}/desk/stories`, { headers: { cookie }, redirect: 'manual' });
  if (list.status !== 200) throw new Error(`GET /desk/stories after signing in answered ${list.status}`);
  cookie = cookieOf(list, cookie);
  const csrf = csrfOf(await list.text());
  return { cookie, csrf };
}
