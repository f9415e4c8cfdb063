import { analyseParagraph, AnalysedParagraph } from '../text/analyse';
import { paragraphsOf } from '../text/paragraphs';
import { NameBook } from '../rules/participants/names';
import { FactReading } from './fact-reading';
import { readSentence, StoryState } from './read-sentence';
import { isRoster } from './roster';

/** A revision read whole: its paragraphs, its names and every fact reading, in the text's order. */
export interface ReadStory {
  readonly paragraphs: readonly AnalysedParagraph[];
  readonly book: NameBook;
  readonly readings: readonly FactReading[];
}

/**
 * Reads every sentence, also those the revision did not change: "he" in a new sentence may be
 * someone named in an old one, "the agency" an outlet named before, and the story's main event
 * may be told in the first paragraph. Which readings become candidates is decided later.
 */
export function readStory(text: string): ReadStory {
  const paragraphs = paragraphsOf(text).map(analyseParagraph);
  const book = new NameBook(paragraphs);
  const state: StoryState = { book, previousMentionedMainEvent: false };
  const readings: FactReading[] = [];
  for (const p of paragraphs)
    for (const s of p.sentences) {
      const read = readSentence(p, s, state);
      const last = readings[readings.length - 1];
      if (last && last.paragraph === p && isRoster(p, s, read) && (last.kind === 'meeting' || last.kind === 'talks')) {
        readings[readings.length - 1] = { ...last, roster: { from: s.from, to: s.to } };
        continue;
      }
      readings.push(...read);
    }
  return { paragraphs, book, readings };
}
