import type { FactRelation } from '@dateline/domain';
import type { Draft } from './draft';

/**
 * A draft's relations to other facts by id: to the main event (its candidate, or the accepted
 * fact that carries it), to background facts and facts of clauses it hangs on, from "initially
 * … later", and from answers ("Russia has turned the proposal down" comes after the proposal).
 * One relation per other fact, the first found; none to itself.
 */
export function relationsOf(d: Draft, drafts: readonly Draft[], mainId: string | undefined): FactRelation[] {
  const out: FactRelation[] = [];
  const push = (relation: FactRelation['relation'], fact: string | undefined) => {
    if (fact && fact !== d.id && !out.some((r) => r.fact === fact)) out.push({ relation, fact });
  };
  for (const f of d.found) push(f.relation, f.to === 'main-event' ? mainId : 'draft' in f.to ? f.to.draft : undefined);
  const index = drafts.indexOf(d);
  if (d.sequence === 'later') for (const earlier of firstsBefore(drafts, index)) push('after', earlier.id);
  const answered = answeredBy(drafts, index);
  if (answered) push('after', answered.id);
  return out;
}

/**
 * What a "later" fact comes after: the nearest "initially"/"at first" fact in its paragraph or
 * the one before, and the facts of its own sentence before it by the same actor ("Valdora
 * initially rejected Geneva … and proposed Vienna, but later accepted …").
 */
function firstsBefore(drafts: readonly Draft[], index: number): Draft[] {
  const d = drafts[index];
  const out: Draft[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const e = drafts[i];
    if (e.background) continue;
    if (e.paragraph < d.paragraph - 1) break;
    if (e.sentence.start === d.sentence.start && sameActors(e, d)) out.push(e);
    else if (e.sequence === 'first') {
      out.push(e);
      break;
    }
  }
  return out;
}

/** The proposal (or claim) an answer answers: the nearest one before it, in its paragraph or the one before, made by someone else. */
function answeredBy(drafts: readonly Draft[], index: number): Draft | undefined {
  const d = drafts[index];
  if (!d.answers) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const e = drafts[i];
    if (e.paragraph < d.paragraph - 1) return undefined;
    if (e.background) continue;
    // A denial answers the claim made about the one who denies; the claimant is the claim's source, not its participant.
    if (d.answers === 'claim' && (e.kind === 'accusation' || e.sources.some((s) => s.attribution === 'party-claim'))) return e;
    if (sameActors(e, d)) continue;
    // A refusal stated ("said he would not come") answers an invitation addressed to the one who refuses.
    if (
      d.answers === 'proposal' &&
      e.kind === 'proposal' &&
      (d.kind !== 'statement' || e.participants.some((x) => x.name === d.participants[0]?.name))
    )
      return e;
  }
  return undefined;
}

function sameActors(a: Draft, b: Draft): boolean {
  return a.participants.length > 0 && a.participants[0].name === b.participants[0]?.name;
}
