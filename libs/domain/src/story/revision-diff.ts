/**
 * NewsDiffs calls a revision "boring" when it changes only whitespace or punctuation: the
 * letters and digits of headline and body are the same before and after.
 */
export function isBoringRevision(before: { headline: string; body: string }, after: { headline: string; body: string }): boolean {
  return lettersAndDigits(before.headline + '\n' + before.body) === lettersAndDigits(after.headline + '\n' + after.body);
}

function lettersAndDigits(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}
