import type { Settings } from '../config/settings';

/**
 * How far an `asOf` instant must lie before the read position's time for its answer to be
 * settled, ms: a write is stamped (recordedAt) before it commits, so one stamped a little
 * earlier may still be committing; a write that takes longer than this has timed out.
 */
export const SETTLE_MARGIN_MS = 60_000;

/** A date and time without an offset: the reader page reads it as UTC (reader-page.query.dto.ts). */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export type CachePolicySettings = Pick<Settings, 'httpMaxAgeSeconds' | 'httpStaleWhileRevalidateSeconds' | 'httpSettledMaxAgeSeconds'>;

/**
 * The Cache-Control of a public read's answer. Settled answers, which no later write can change,
 * may be kept long: a page after the first (its cursor pins the position it is read at), and an
 * `asOf` view of an instant well before the read position's time (`positionTime`, ms; unknown in
 * a process without the projector). `asPublished` is not settled: an archive story brought in
 * today changes what was "published" at a past instant.
 *
 * Built once for fixed settings, its two answers written once: asked on every public read and every 304.
 */
export function cachePolicy(settings: CachePolicySettings): (query: Record<string, unknown>, positionTime: number | undefined) => string {
  const settled = `public, max-age=${settings.httpSettledMaxAgeSeconds}`;
  const moving = `public, max-age=${settings.httpMaxAgeSeconds}, stale-while-revalidate=${settings.httpStaleWhileRevalidateSeconds}`;
  return (query, positionTime) => {
    if (typeof query.cursor === 'string') return settled;
    if (query.asOf === undefined || positionTime === undefined) return moving;
    const at = asOfInstant(query);
    return at !== undefined && at + SETTLE_MARGIN_MS <= positionTime ? settled : moving;
  };
}

/**
 * The recorded instant (ms) an `asOf` read views, or undefined: no `asOf`, one that does not
 * parse, or with `asPublished`, which is not a view of recorded time alone.
 */
export function asOfInstant(query: Record<string, unknown>): number | undefined {
  if (typeof query.asOf !== 'string' || query.asPublished !== undefined) return undefined;
  const at = Date.parse(LOCAL.test(query.asOf) ? `${query.asOf}Z` : query.asOf);
  return Number.isFinite(at) ? at : undefined;
}
