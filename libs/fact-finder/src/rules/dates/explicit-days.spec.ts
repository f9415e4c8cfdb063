import { describe, expect, it } from '@jest/globals';
import { DateContext } from './date-finding';
import { explicitDays } from './explicit-days';

const ctx: DateContext = { today: '2025-05-16', zone: 'Europe/Istanbul', publishedAt: '2025-05-16T14:50:00Z' };
const read = (text: string) => explicitDays(text, 0, ctx).map(({ wording, when, about, deadline }) => ({ wording, when, about, deadline }));

describe('explicit days', () => {
  it('reads "on 16 May" and "on May 16" as that day of the publication year', () => {
    expect(read('Negotiators sat down in Istanbul on 16 May for their first talks')).toEqual([
      { wording: 'on 16 May', when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' }, about: undefined, deadline: undefined },
    ]);
    expect(read('talks that started on May 16')[0].when).toEqual({ precision: 'day', on: '2025-05-16', certainty: 'explicit' });
  });

  it('keeps a stated year', () => {
    expect(read('a deal signed on 3 March 2024')[0].when).toEqual({ precision: 'day', on: '2024-03-03', certainty: 'explicit' });
  });

  it('reads "a ceasefire from 12 May" as a date the fact is about, not when it happened', () => {
    expect(read('called on Russia to accept a full, unconditional ceasefire from 12 May')).toEqual([
      { wording: '12 May', when: undefined, about: { precision: 'day', on: '2025-05-12', certainty: 'explicit' }, deadline: undefined },
    ]);
  });

  it('reads "by 31 May" as a deadline: on or before that day', () => {
    expect(read('to sign a text by 31 May')[0]).toMatchObject({ deadline: true, when: { precision: 'bounded', onOrBefore: '2025-05-31' } });
  });

  it('reads "between 1 and 16 May" as bounds and "from 14 to 16 May" as a period', () => {
    expect(read('some time between 1 and 16 May')[0].when).toEqual({
      precision: 'bounded',
      onOrAfter: '2025-05-01',
      onOrBefore: '2025-05-16',
      certainty: 'explicit',
    });
    expect(read('talks held from 14 to 16 May')[0].when).toEqual({
      precision: 'period',
      from: '2025-05-14',
      until: '2025-05-16',
      certainty: 'explicit',
    });
  });

  it('finds nothing in a sentence without a day', () => {
    expect(read('Turkey is hosting the meeting.')).toEqual([]);
  });
});
