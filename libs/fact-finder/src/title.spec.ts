import { describe, expect, it } from '@jest/globals';
import { paragraph } from './testing/read';
import { titleFrom } from './title';

const title = (text: string) => {
  const p = paragraph(text);
  return titleFrom(p.tokens, 0, p.tokens.length);
};

describe('working titles', () => {
  it('are the evidence in its own words, capitalised, without the full stop', () => {
    expect(title('asked Putin to meet him in person.')).toBe('Asked Putin to meet him in person');
  });

  it('shorten a long quotation and a long sentence', () => {
    expect(title('Umerov said: "We are ready for a complete and unconditional ceasefire, as we have said before."')).toBe(
      'Umerov said: "We are ready for a … "',
    );
    expect(title(`Delegates met ${'and talked again '.repeat(12)}today.`).length).toBeLessThanOrEqual(112);
  });
});
