import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { combineDates } from './combine-dates';
import { findDates } from './date-rules';

const ctx = { ...MAY_16, mainEventDay: '2025-05-16' };
const when = (text: string, status: 'happened' | 'expected' = 'happened') => combineDates(findDates(text, 0, ctx), { status }, ctx).when;

describe("a fact's date from its phrases", () => {
  it('prefers a date the text names over a phrase that ties it to the talks', () => {
    expect(when('Earlier on Friday, officials held talks of their own')).toMatchObject({ precision: 'day', on: '2025-05-16' });
    expect(when('Negotiators sat down in Istanbul on 16 May for their first direct talks since 2022')).toMatchObject({
      precision: 'day',
      on: '2025-05-16',
    });
  });

  it('invents no day: what happened is on or before the publication day, what is expected on or after it', () => {
    expect(when('Putin said he would not come')).toEqual({ precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' });
    expect(when('Estmark might send a larger team', 'expected')).toEqual({
      precision: 'bounded',
      onOrAfter: '2025-05-16',
      certainty: 'inferred',
    });
  });

  it('gives a deadline of what is expected both bounds', () => {
    expect(when('Okafor plans to present a draft by the end of the month', 'expected')).toMatchObject({
      onOrAfter: '2025-05-16',
      onOrBefore: '2025-05-31',
    });
  });

  it('keeps the wording of "initially" on a date it does not change', () => {
    expect(when('Trump had at first sounded hopeful')).toMatchObject({
      precision: 'bounded',
      onOrBefore: '2025-05-16',
      wording: 'at first',
    });
  });

  it("files dates of a proposal's object as dates it is about", () => {
    const text = 'Switzerland offered on Friday to host a meeting in April';
    const d = combineDates(findDates(text, 0, ctx), { status: 'happened', aboutFrom: text.indexOf('to host'), aboutTo: text.length }, ctx);
    expect(d.when).toMatchObject({ precision: 'day', on: '2025-05-16' });
    expect(d.about.map((a) => a.date)).toEqual([{ precision: 'month', on: '2025-04', certainty: 'explicit' }]);
  });
});
