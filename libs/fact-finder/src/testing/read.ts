import type { Candidate, FindCandidatesInput } from '../candidate';
import { findCandidates } from '../find-candidates';
import { FactReading } from '../reading/fact-reading';
import { readStory } from '../reading/read-story';
import { analyseParagraph, AnalysedParagraph } from '../text/analyse';
import { paragraphsOf } from '../text/paragraphs';
import { DateContext } from '../rules/dates/date-finding';

/** Spec helpers: the real wink-nlp reading of a short text, no stand-ins. */

/** A text's first paragraph, analysed. */
export function paragraph(text: string): AnalysedParagraph {
  return analyseParagraph(paragraphsOf(text)[0]);
}

export function readings(text: string): readonly FactReading[] {
  return readStory(text).readings;
}

/** Friday 16 May 2025, 14:50 UTC, in Istanbul: the sample story's last revision. */
export const MAY_16: DateContext = { today: '2025-05-16', zone: 'Europe/Istanbul', publishedAt: '2025-05-16T14:50:00Z' };

export function candidates(text: string, more: Partial<FindCandidatesInput> = {}): Candidate[] {
  return findCandidates({ storyId: 'story-1', revision: 1, publishedAt: MAY_16.publishedAt, zone: MAY_16.zone, text, ...more });
}

/** The one candidate whose evidence contains these words. */
export function candidateWith(all: readonly Candidate[], words: string): Candidate {
  const found = all.filter((c) => c.evidence.text.includes(words));
  if (found.length !== 1) throw new Error(`${found.length} candidates rest on "${words}": ${all.map((c) => c.evidence.text).join(' | ')}`);
  return found[0];
}
