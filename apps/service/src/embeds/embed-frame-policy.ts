/**
 * The embed page's Content-Security-Policy: the reader page's (our own script only, no inline
 * script, nothing from elsewhere) with `frame-ancestors` naming the sites of
 * DATELINE_EMBED_ORIGINS, or `'none'` when none is configured. Every other page keeps
 * `frame-ancestors 'none'` (reader-page/templates/layout.template.ts, security/http-hardening.ts).
 */
export function embedPageCsp(embedOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${embedOrigins.length > 0 ? embedOrigins.join(' ') : "'none'"}`,
  ].join('; ');
}

/** The embed page's route, and the host page's script: the two answers another site loads. */
export const EMBED_ROUTE = '/embed/stories/:id';
export const EMBED_HOST_SCRIPT_ROUTE = '/assets/embed-host.js';
export const EMBED_FRAME_SCRIPT_ROUTE = '/assets/embed.js';
