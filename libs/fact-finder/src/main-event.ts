import { FactReading } from './reading/fact-reading';
import { DateContext } from './rules/dates/date-finding';
import { findDates } from './rules/dates/date-rules';

/** The story's main event: what "the talks", "the start" and "earlier in the day" are read against. */
export interface MainEvent {
  readonly reading: number;
  readonly day: string;
}

/**
 * The story's lead: the first event it reports as having happened on a day it names ("sat down
 * in Istanbul on 16 May", "met in Geneva on Thursday", "agreed on Monday to exchange …"). A
 * story with none has no main event, and the phrases that need one fall back on the
 * publication day, with no relation.
 */
export function mainEventOf(
  readings: readonly FactReading[],
  ctx: DateContext,
  textOf: (r: FactReading) => { text: string; offset: number },
): MainEvent | undefined {
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (r.role !== 'event' || r.status !== 'happened') continue;
    const { text, offset } = textOf(r);
    const day = findDates(text, offset, ctx).find(
      (f) => (f.rule === 'explicit-days' || f.rule === 'weekdays') && f.when?.precision === 'day',
    );
    if (day?.when?.precision === 'day') return { reading: i, day: day.when.on };
  }
  return undefined;
}
