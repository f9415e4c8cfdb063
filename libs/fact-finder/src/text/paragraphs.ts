/** One paragraph of a revision's body, with where it lies in the body. */
export interface Paragraph {
  /** From 1, as editors and the gold sets count them. */
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The body's paragraphs: blocks between blank lines (a line with only spaces counts as blank),
 * each trimmed of surrounding whitespace, so that offsets point at the words themselves.
 */
export function paragraphsOf(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const separator = /\n[ \t\r]*\n/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    if (end > start) out.push({ number: out.length + 1, start, end, text: body.slice(start, end) });
  };
  for (let m = separator.exec(body); m; m = separator.exec(body)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, body.length);
  return out;
}
