import { nullProblems, textProblems } from '../values/nested-values';
import { AboutDate, aboutDatesProblems } from './about-date';
import { AttributedSource, attributedSourceProblems } from './attribution';
import { FactDate } from './fact-date';
import { factDateProblems } from './fact-date-problems';
import { FactRelation, relationsProblems } from './fact-relations';
import { FACT_STATUSES, FactStatus } from './fact-status';

/**
 * What a diplomatic event's v2 schema says about time and trust, apart from what it is about:
 * when it happened, whether it did, how it is ordered against other facts, the dates it is
 * about, and who it rests on (docs/adr/0013-date-knowledge-v2.md).
 */
export interface DateKnowledgeV2 {
  readonly when: FactDate;
  readonly status: FactStatus;
  readonly relations: readonly FactRelation[];
  readonly about: readonly AboutDate[];
  readonly sources: readonly AttributedSource[];
}

/**
 * Every problem of one fact's v2 date knowledge, each named by its path, or []. The rules
 * between facts (unknown ids, cycles, orders the dates contradict) need the story's other facts:
 * storyRelationProblems.
 */
export function dateKnowledgeV2Problems(k: DateKnowledgeV2): string[] {
  const nulls = nullProblems(k, '');
  if (nulls.length > 0) return nulls;
  const out = [
    ...factDateProblems(k.when, 'when'),
    ...relationsProblems(k.relations, 'relations'),
    ...aboutDatesProblems(k.about, 'about'),
  ];
  if (!(FACT_STATUSES as readonly unknown[]).includes(k.status)) out.push(`status must be one of ${FACT_STATUSES.join(', ')}`);
  if (!Array.isArray(k.sources)) out.push('sources must be a list');
  else k.sources.forEach((s, i) => out.push(...attributedSourceProblems(s, `sources.${i}`)));
  return [...out, ...textProblems(k, '')];
}
