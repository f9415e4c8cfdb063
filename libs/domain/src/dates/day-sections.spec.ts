import { describe, expect, it } from '@jest/globals';
import { istanbulFacts } from '../testing/istanbul-facts';
import { daySections, daySectionsByDay } from './day-sections';
import { placement } from './placement';

describe('daySectionsByDay: every day of a page at once', () => {
  it('gives each day the sections daySections gives it, and no day nothing is filed on', () => {
    const byDay = daySectionsByDay(istanbulFacts);
    const filedOn = new Set(istanbulFacts.flatMap((f) => placement(f).map((p) => p.day)));
    // The Istanbul facts file on several days, about dates and loose headings included.
    expect(filedOn.size).toBeGreaterThanOrEqual(3);
    expect([...byDay.keys()].sort()).toEqual([...filedOn].sort());
    for (const day of filedOn) expect(byDay.get(day)).toEqual(daySections(istanbulFacts, day));
    expect(daySections(istanbulFacts, '1999-01-01')).toEqual([]);
  });
});
