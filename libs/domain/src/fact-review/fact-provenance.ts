import Type, { type Static } from 'typebox';
import { closedObject, uuid } from '../catalogue/schema-parts';

/**
 * Where an accepted fact came from (issue 18): the story, its revision and the character span of
 * the evidence in that revision's body, with the paragraph it lies in (from 1). Only the review
 * of a fact candidate sets it, when the fact is recorded; an amendment never changes it, since
 * the fact still came from those words (docs/adr/0016-fact-review-events.md).
 */
export const FactProvenanceSchema = closedObject({
  storyId: uuid(),
  revision: Type.Integer({ minimum: 1 }),
  paragraph: Type.Integer({ minimum: 1 }),
  start: Type.Integer({ minimum: 0 }),
  end: Type.Integer({ minimum: 0 }),
});

export type FactProvenance = Static<typeof FactProvenanceSchema>;

/** What is wrong with a provenance, each problem naming its field under `provenance`. */
export function provenanceProblems(p: FactProvenance): string[] {
  const problems: string[] = [];
  const whole = (n: unknown, min: number) => typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
  if (!whole(p.revision, 1)) problems.push('provenance.revision must be a revision number from 1');
  if (!whole(p.paragraph, 1)) problems.push('provenance.paragraph must be a paragraph number from 1');
  if (!whole(p.start, 0)) problems.push('provenance.start must be a character offset from 0');
  if (!whole(p.end, 0) || p.end <= p.start) problems.push('provenance.end must be an offset after provenance.start');
  return problems;
}
