import { DATE_RANGE_TEXT, isInstantInRange } from '../values/date-range';
import { isRfc3339Instant } from '../values/instant';

/**
 * Editorial time (docs/dates.md): when the newsroom published or learned what a story revision
 * or a fact says, next to the system's recorded time. An archive story brought in today keeps
 * its real history through it; recorded time keeps its audit meaning.
 */

/** The problem of a `publishedAt` as a client sent it, or []: an RFC 3339 instant in the accepted range. */
export function publishedAtProblems(value: unknown, path = 'publishedAt'): string[] {
  if (value === undefined) return [];
  if (!isRfc3339Instant(value))
    return [`${path} must be an RFC 3339 instant with seconds and an offset, e.g. 2025-05-16T09:00:00Z (got ${JSON.stringify(value)})`];
  if (!isInstantInRange(value)) return [`${path} must be ${DATE_RANGE_TEXT} in UTC (got ${value})`];
  return [];
}

/**
 * The rules between editorial and recorded time, or []: editorial time is never after the
 * write's own recorded time (which is now, so never in the future either), and within one
 * story never before the editorial time of the revision before (`previous`).
 */
export function editorialTimeProblems(
  publishedAt: string | undefined,
  recordedAt: string,
  previous?: string,
  path = 'publishedAt',
): string[] {
  if (publishedAt === undefined) return [];
  const at = Date.parse(publishedAt);
  if (at > Date.parse(recordedAt))
    return [
      `${path} ${publishedAt} is after this write is recorded (${recordedAt}): editorial time is never in the future nor after it was recorded`,
    ];
  if (previous !== undefined && at < Date.parse(previous))
    return [
      `${path} ${publishedAt} is before the previous revision's editorial time ${previous}: editorial time never goes backwards within a story`,
    ];
  return [];
}
