import { isQuoteMark, Token, TokenRange } from './token';

/** A quotation: the tokens between a pair of double quotes, without the marks. */
export interface Quotation extends TokenRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The quotations of a run of tokens (a sentence), pairing marks in order; a mark left open
 * runs to the end. Words inside a quotation are the speaker's, not the story's: attribution,
 * clauses and participants skip them.
 */
export function quotationsIn(tokens: readonly Token[], range: TokenRange): Quotation[] {
  const out: Quotation[] = [];
  let open: number | undefined;
  for (let i = range.from; i < range.to; i++) {
    if (!isQuoteMark(tokens[i])) continue;
    if (open === undefined) open = i;
    else {
      if (i > open + 1) out.push({ from: open + 1, to: i, start: tokens[open + 1].start, end: tokens[i - 1].end });
      open = undefined;
    }
  }
  if (open !== undefined && open + 1 < range.to)
    out.push({ from: open + 1, to: range.to, start: tokens[open + 1].start, end: tokens[range.to - 1].end });
  return out;
}

/** For each token of the range: inside a quotation (or its marks)? Indexed by token position. */
export function quotedMask(tokens: readonly Token[], range: TokenRange): boolean[] {
  const mask: boolean[] = [];
  let open = false;
  for (let i = range.from; i < range.to; i++) {
    if (isQuoteMark(tokens[i])) {
      mask[i] = true;
      open = !open;
    } else mask[i] = open;
  }
  return mask;
}
