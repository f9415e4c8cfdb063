/**
 * A sentence as compared across revisions and hashed into candidate ids: typographic quotes,
 * apostrophes and dashes in one form, runs of whitespace as one space. A revision that only
 * retypes a quote or reflows a line does not change a sentence; a changed word does.
 */
export function normaliseSentence(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words of a text, for similarity between an old and a new sentence. */
export function wordsOf(text: string): string[] {
  return (
    normaliseSentence(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}
