import { describe, expect, it } from '@jest/globals';
import { mainEventOf } from './main-event';
import { MAY_16, readings } from './testing/read';

const textOf = (r: ReturnType<typeof readings>[number]) => {
  const t = r.paragraph.tokens;
  return {
    text: r.paragraph.paragraph.text.slice(
      t[r.dateRange.from].start - r.paragraph.paragraph.start,
      t[r.dateRange.to - 1].end - r.paragraph.paragraph.start,
    ),
    offset: t[r.dateRange.from].start,
  };
};

describe('the main event', () => {
  it("is the story's first event that happened on a day the text names", () => {
    const rs = readings('Putin said he would not come.\n\nNegotiators sat down in Istanbul on 16 May for direct talks.');
    expect(mainEventOf(rs, MAY_16, textOf)).toEqual({ reading: 1, day: '2025-05-16' });
  });

  it('is none when the story dates no event', () => {
    expect(mainEventOf(readings('Putin said he would not come.'), MAY_16, textOf)).toBeUndefined();
  });
});
