import type { AttributedSource, Participant } from '@dateline/domain';

/**
 * How much the rules found to go on, 0..1: a verb the lexicon knows, a date the text gives
 * (rather than the publication-day default), participants, a clear attribution; a background
 * fact named in passing starts lower. A ranking aid for the desk, not a probability.
 */
export function confidenceOf(f: {
  readonly knownVerb: boolean;
  readonly dated: boolean;
  readonly participants: readonly Participant[];
  readonly sources: readonly AttributedSource[];
  readonly background: boolean;
}): number {
  let c = 0.35;
  if (f.knownVerb) c += 0.2;
  if (f.dated) c += 0.2;
  if (f.participants.length > 0) c += 0.1;
  if (f.sources.some((s) => s.attribution === 'named-source' || s.attribution === 'own-reporting')) c += 0.1;
  if (f.background) c -= 0.15;
  return Math.round(Math.min(0.95, Math.max(0.05, c)) * 100) / 100;
}
