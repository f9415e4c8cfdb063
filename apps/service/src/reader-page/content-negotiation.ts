import { memoByHeader } from '../http/header-memo';

/**
 * Content negotiation between the JSON API and the reader page on the same URL
 * (`GET /stories/:id`): a browser, whose Accept ranks text/html first, gets the page; curl,
 * fetch and API clients (no Accept, `*\/*` or application/json) keep getting JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  return accept ? prefersHtmlHeader(accept) : false;
}

/** Asked for every request (the route constraint below) and again by the read cache: decided once per header value. */
const prefersHtmlHeader = memoByHeader((accept) => {
  const ranges = accept
    .split(',')
    .map(parseRange)
    .filter((r): r is MediaRange => r !== undefined);
  const html = quality(ranges, 'text', 'html');
  return html > 0 && html > quality(ranges, 'application', 'json');
});

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseRange(part: string): MediaRange | undefined {
  const [mediaType, ...params] = part.trim().split(';');
  const [type, subtype] = mediaType.trim().toLowerCase().split('/');
  if (!type || !subtype) return undefined;
  const qParam = params.map((p) => p.trim().split('=')).find(([k]) => k.trim().toLowerCase() === 'q');
  const q = qParam ? Number(qParam[1]) : 1;
  return { type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 };
}

/** The quality of the most specific range that matches (RFC 9110, section 12.5.1). */
function quality(ranges: MediaRange[], type: string, subtype: string): number {
  const exact = ranges.find((r) => r.type === type && r.subtype === subtype);
  if (exact) return exact.q;
  const typeWide = ranges.find((r) => r.type === type && r.subtype === '*');
  if (typeWide) return typeWide.q;
  return ranges.find((r) => r.type === '*' && r.subtype === '*')?.q ?? 0;
}

/** The Fastify route constraint that sends browsers to the page handler of a shared path. */
export const ACCEPTS_HTML = 'acceptsHtml';

/**
 * A find-my-way constraint strategy: routes marked `{ acceptsHtml: 'yes' }` match only requests
 * that prefer HTML; other requests fall through to the unconstrained (JSON) route of that path.
 */
export const acceptsHtmlStrategy = {
  name: ACCEPTS_HTML,
  storage<Handler>() {
    const handlers = new Map<string, Handler>();
    return {
      get: (value: string): Handler | null => handlers.get(value) ?? null,
      set: (value: string, store: Handler) => {
        handlers.set(value, store);
      },
    };
  },
  deriveConstraint(req: { headers: Record<string, string | string[] | undefined> }): string {
    const accept = req.headers.accept;
    return prefersHtml(Array.isArray(accept) ? accept.join(',') : accept) ? 'yes' : 'no';
  },
  validate(value: unknown): void {
    if (value !== 'yes' && value !== 'no') throw new Error(`${ACCEPTS_HTML} must be 'yes' or 'no'`);
  },
  mustMatchWhenDerived: false,
};
