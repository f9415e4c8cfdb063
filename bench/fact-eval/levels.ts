import { readFileSync } from 'node:fs';
import { Evaluation } from './evaluate';
import { Field, FIELDS, Figure } from './score';

export const LEVELS_FILE = 'bench/fact-finder-levels.json';

/** A figure's committed level: precision, recall, F1 and accuracy. */
export type Level = Pick<Figure, 'precision' | 'recall' | 'f1' | 'accuracy'>;

/** Levels per article (and for the two developed articles together), per figure: facts and each field. */
export interface Levels {
  readonly note: string;
  readonly levels: Readonly<Record<string, Readonly<Record<'facts' | Field, Level>>>>;
}

export const OVERALL = 'both articles';

/** The levels an evaluation reaches. */
export function levelsOf(e: Evaluation): Levels {
  const pick = (f: Figure): Level => ({ precision: f.precision, recall: f.recall, f1: f.f1, accuracy: f.accuracy });
  const of = (s: { facts: Figure; fields: Readonly<Record<Field, Figure>> }) =>
    Object.fromEntries([['facts', pick(s.facts)], ...FIELDS.map((f) => [f, pick(s.fields[f])])]) as Record<'facts' | Field, Level>;
  return {
    note: 'Levels the fact finder reached on the gold sets (npm run eval:facts -- --write-levels); test/fact-finder-eval.spec.ts fails when a figure falls below its level. docs/fact-finder.md explains them.',
    levels: Object.fromEntries([...e.articles.map((a) => [a.article, of(a)]), [OVERALL, of(e.overall)]]),
  };
}

export function readLevels(): Levels {
  return JSON.parse(readFileSync(LEVELS_FILE, 'utf8')) as Levels;
}
