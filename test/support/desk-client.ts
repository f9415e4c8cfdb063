import request from 'supertest';
import type { TestApp } from './test-app';
import { EDITOR_TOKEN } from './test-app';

/** A browser-like client of the desk over supertest: one cookie jar, and the CSRF token of the last page. */
export interface DeskClient {
  readonly agent: ReturnType<typeof request.agent>;
  /** The CSRF token of the last page read with page(). */
  csrf(): string;
  page(path: string): Promise<request.Response>;
  post(path: string, fields: Record<string, string | string[]>, headers?: Record<string, string>): Promise<request.Response>;
}

export function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('the page has no CSRF token');
  return match[1];
}

export function deskClient(t: TestApp): DeskClient {
  const agent = request.agent(t.app.getHttpServer());
  let token = '';
  return {
    agent,
    csrf: () => token,
    async page(path) {
      const res = await agent.get(path);
      if (res.status === 200) token = csrfOf(res.text);
      return res;
    },
    post(path, fields, headers = {}) {
      const pairs = Object.entries(fields).flatMap(([k, v]): [string, string][] =>
        Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
      );
      return agent.post(path).type('form').set(headers).send(new URLSearchParams(pairs).toString());
    },
  };
}

/** Signs in with a token (the editor's by default) through the sign-in form, as a browser would. */
export async function signedIn(t: TestApp, token = EDITOR_TOKEN): Promise<DeskClient> {
  const desk = deskClient(t);
  await desk.page('/desk/sign-in');
  const res = await desk.post('/desk/sign-in', { _csrf: desk.csrf(), token, returnTo: '/desk/stories' });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return desk;
}
