import { normaliseSentence, wordsOf } from './normalise';

/** A sentence of a revision, where it lies in that revision's text. */
export interface PlacedSentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What became of the previous revision's sentences in this one. */
export interface RevisionChanges {
  /** Sentences of this revision that are new or changed (by start offset); with no previous text, all of them. */
  readonly fresh: ReadonlySet<number>;
  /** For a changed sentence (by start offset): the previous sentence it rewrites. */
  readonly rewrites: ReadonlyMap<number, PlacedSentence>;
  /** Previous sentences that are gone and that no sentence of this revision rewrites. */
  readonly removed: readonly PlacedSentence[];
}

/** At least this share of words in common makes a new sentence a rewrite of an old one, not a new fact. */
const REWRITE_SIMILARITY = 0.5;

/**
 * Which sentences of a revision to read: the ones the previous revision did not have word for
 * word (after normalisation), with each paired, where it can be, with the old sentence it
 * rewrites (most words in common, at least half); old sentences left unpaired are removed.
 */
export function revisionChanges(current: readonly PlacedSentence[], previous: readonly PlacedSentence[] | undefined): RevisionChanges {
  if (!previous) return { fresh: new Set(current.map((s) => s.start)), rewrites: new Map(), removed: [] };
  const before = new Set(previous.map((s) => normaliseSentence(s.text)));
  const after = new Set(current.map((s) => normaliseSentence(s.text)));
  const fresh = current.filter((s) => !before.has(normaliseSentence(s.text)));
  const gone = previous.filter((s) => !after.has(normaliseSentence(s.text)));
  const rewrites = new Map<number, PlacedSentence>();
  const used = new Set<PlacedSentence>();
  for (const s of fresh) {
    let best: PlacedSentence | undefined;
    let score = 0;
    for (const old of gone) {
      if (used.has(old)) continue;
      const sim = similarity(s.text, old.text);
      if (sim > score) [best, score] = [old, sim];
    }
    if (best && score >= REWRITE_SIMILARITY) {
      rewrites.set(s.start, best);
      used.add(best);
    }
  }
  return { fresh: new Set(fresh.map((s) => s.start)), rewrites, removed: gone.filter((s) => !used.has(s)) };
}

/** Shared words over all words (Jaccard). */
function similarity(a: string, b: string): number {
  const wa = new Set(wordsOf(a));
  const wb = new Set(wordsOf(b));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common || 1);
}
