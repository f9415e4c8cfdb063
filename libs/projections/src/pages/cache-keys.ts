/**
 * The names a cached answer carries in its Surrogate-Key header, and a purge names when what
 * they stand for changed (docs/deploy.md): `timeline` (any timeline answer that is not one day:
 * ranges, the reader page, exports), `day:<date>`, `story:<id>` and `event:<id>`.
 */
export const CACHE_KEYS = {
  timeline: 'timeline',
  day: (date: string): string => `day:${date}`,
  story: (id: string): string => `story:${id.toLowerCase()}`,
  event: (id: string): string => `event:${id.toLowerCase()}`,
};
