import { InvalidInput, isRfc3339Instant, isTimeZone } from '@dateline/domain';
import type { FindCandidatesInput } from './candidate';

/** Throws InvalidInput (a 400 where a route calls it) naming every problem of the input, before anything is read. */
export function checkInput(input: FindCandidatesInput): void {
  const problems: string[] = [];
  if (typeof input.storyId !== 'string' || input.storyId.trim() === '') problems.push('storyId must be a non-empty text');
  if (!Number.isInteger(input.revision) || input.revision < 1) problems.push('revision must be a whole number from 1');
  if (!isRfc3339Instant(input.publishedAt)) problems.push('publishedAt must be an RFC 3339 instant such as 2025-05-16T14:50:00Z');
  if (input.zone !== undefined && !isTimeZone(input.zone))
    problems.push(`zone ${JSON.stringify(input.zone)} is not an IANA time zone such as Europe/Istanbul`);
  if (typeof input.text !== 'string') problems.push('text must be the revision body as text');
  if (input.previousText !== undefined && typeof input.previousText !== 'string') problems.push('previousText must be text when given');
  if (input.acceptedFacts !== undefined && !Array.isArray(input.acceptedFacts)) problems.push('acceptedFacts must be a list when given');
  const accepted: readonly unknown[] = Array.isArray(input.acceptedFacts) ? input.acceptedFacts : [];
  accepted.forEach((item, i) => {
    const f = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    if (typeof f.id !== 'string' || f.id === '') problems.push(`acceptedFacts.${i}.id must be a non-empty text`);
    if (typeof f.when !== 'object' || f.when === null) problems.push(`acceptedFacts.${i}.when must be a FactDate`);
    if (!Array.isArray(f.participants)) problems.push(`acceptedFacts.${i}.participants must be a list`);
  });
  if (problems.length > 0) throw new InvalidInput(problems);
}
