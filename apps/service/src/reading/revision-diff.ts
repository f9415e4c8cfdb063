import { LRUCache } from 'lru-cache';
import { DiffPart, wordDiff } from './word-diff';

/** A revision as far as its diff goes: which story, which revision, and its text. */
export interface DiffableRevision {
  readonly id: string;
  readonly revision: number;
  readonly headline: string;
  readonly body: string;
}

export interface RevisionDiff {
  readonly headline: DiffPart[];
  readonly body: DiffPart[];
}

/**
 * Word diffs of stored revisions, kept once computed. A word diff of two 350-word bodies costs
 * about 5 ms of CPU (jsdiff), and the desk's revision history makes one per revision on every
 * view: at 50 views a second that alone fills a core (docs/benchmarks.md, "The desk's server
 * time"). A revision's text never changes once stored (revisions are events), so the diff of
 * revisions m and n of a story is the same answer for ever: there is nothing to invalidate, and
 * the cache is bounded only to keep memory in check. An editor's unsaved text (a preview, a
 * conflict) is not stored, and goes through wordDiff directly.
 */
const diffs = new LRUCache<string, RevisionDiff>({
  // About 8 MB of diff parts for 350-word stories; a miss only costs the diff again.
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (d) => d.headline.reduce((n, p) => n + p.value.length, 0) + d.body.reduce((n, p) => n + p.value.length, 0) + 64,
});

export function revisionDiff(from: DiffableRevision, to: DiffableRevision): RevisionDiff {
  const key = `${from.id}/${from.revision}/${to.revision}`;
  let diff = diffs.get(key);
  if (!diff) {
    diff = { headline: wordDiff(from.headline, to.headline), body: wordDiff(from.body, to.body) };
    diffs.set(key, diff);
  }
  return diff;
}
