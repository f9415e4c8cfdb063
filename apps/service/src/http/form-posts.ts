import { parse as parseContentType } from 'fast-content-type-parse';

/**
 * Route config of the editor desk's HTML form posts (apps/service/src/desk/). They are the one
 * exception to two rules of the JSON API: they send application/x-www-form-urlencoded, not JSON
 * (http/json-only.hook.ts), and they authenticate by the desk's session cookie and CSRF token, not
 * by a bearer token (auth/authenticate-writes.hook.ts). Nothing else may set it.
 */
export const FORM_POST = { formPost: true } as const;

export function isFormPost(request: { routeOptions?: { config?: unknown } }): boolean {
  const config = request.routeOptions?.config as { formPost?: unknown } | undefined;
  return config?.formPost === true;
}

/** Why a form post's Content-Type is refused, or undefined: only urlencoded forms in UTF-8. */
export function formContentTypeProblem(header: string): string | undefined {
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(header)) return 'send the form as application/x-www-form-urlencoded';
  if (!header.includes(';')) return undefined;
  try {
    const charset = parseContentType(header).parameters.charset;
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) return `charset "${charset}" is not supported: send the form as UTF-8`;
  } catch {
    return `the Content-Type "${header}" is malformed`;
  }
  return undefined;
}
