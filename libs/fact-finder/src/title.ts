import { Token, wordsBetween } from './grammar/token';
import { quotedMask } from './grammar/quoted';

const MAX = 110;

/**
 * A working title from the evidence: its own words, without a quotation longer than a few
 * words, cut at a word near 110 characters, first letter in capitals. The editor rewrites it;
 * it only has to say which fact this is.
 */
export function titleFrom(tokens: readonly Token[], from: number, to: number): string {
  const quoted = quotedMask(tokens, { from, to });
  const kept: Token[] = [];
  let run = 0;
  for (let i = from; i < to; i++) {
    if (quoted[i]) {
      run++;
      if (run <= 6 || tokens[i].text === '"') kept.push(tokens[i]);
      else if (run === 7) kept.push({ ...tokens[i], text: '…', lower: '…' });
    } else {
      run = 0;
      kept.push(tokens[i]);
    }
  }
  let text = wordsBetween(kept, 0, kept.length)
    .replace(/\s+…(\s+…)*/g, ' …')
    .replace(/[\s,;:.]+$/, '');
  if (text.length > MAX) text = `${text.slice(0, text.lastIndexOf(' ', MAX))} …`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
