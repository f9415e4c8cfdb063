import { diffWords } from 'diff';

/** One run of a word diff: unchanged, added or removed text. */
export interface DiffPart {
  value: string;
  added?: true;
  removed?: true;
}

/** Word-level diff (jsdiff's diffWords), in the shape the API answers and the story page shows. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    value: c.value,
    ...(c.added ? { added: true as const } : {}),
    ...(c.removed ? { removed: true as const } : {}),
  }));
}
