import { AnalysedParagraph, Sentence } from '../text/analyse';
import { clausesOf } from '../grammar/clauses';
import { baseOf } from './read-sentence';
import { FactReading } from './fact-reading';

/** Verbs that say who made up a side: "Ukraine sent …", "the U.S. side included …", "Turkey was represented by …". */
const ROSTER_VERBS = new Set(['send', 'sent', 'include', 'comprise', 'represent', 'head', 'lead', 'consist']);

/**
 * A sentence that only lists who took part in the meeting told just before it (every clause's
 * verb one of the roster verbs): not a fact of its own, but that meeting's participants.
 */
export function isRoster(p: AnalysedParagraph, s: Sentence, read: readonly FactReading[]): boolean {
  const clauses = clausesOf(p.tokens, s).filter((c) => c.verb !== undefined);
  if (clauses.length === 0) return false;
  const verbs = clauses.map((c) => baseOf(p.tokens[c.verb ?? 0]) ?? p.tokens[c.verb ?? 0].lemma);
  return verbs.every((v) => ROSTER_VERBS.has(v)) && read.every((r) => r.kind === 'other' || r.kind === 'meeting');
}
