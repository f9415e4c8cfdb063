import { CalendarDate } from '../values/calendar-date';
import { orderWithinDay } from './day-order';
import { FactRelation } from './fact-relations';
import { Heading, headingKey, PlaceableFact, Placement, placement } from './placement';

/** A fact as a day's page needs it: what it places, and its relations for the order. */
export interface DayFact extends PlaceableFact {
  readonly relations: readonly FactRelation[];
}

export interface DaySection {
  readonly heading: Heading;
  readonly entries: readonly Placement[];
}

/**
 * A day's page: the headings filed on `day` in their order, each with its entries ordered by
 * time, relations and recording order. `facts` come in recording order. An about entry sorts
 * by its own time when it has one and follows no relations: they are its fact's, not its own.
 */
export function daySections(facts: readonly DayFact[], day: CalendarDate): DaySection[] {
  const groups = new Map<
    string,
    { heading: Heading; items: { key: string; at?: string; relations: readonly FactRelation[]; p: Placement }[] }
  >();
  for (const fact of facts) {
    const dates = [fact.when, ...(fact.about ?? []).map((a) => a.date)];
    placement(fact).forEach((p, i) => {
      if (p.day !== day) return;
      const d = dates[i];
      const at = d.precision === 'day' ? d.at : undefined;
      const key = headingKey(p.day, p.heading);
      const group = groups.get(key) ?? { heading: p.heading, items: [] };
      group.items.push({ key: p.key, ...(at ? { at } : {}), relations: p.role === 'fact' ? fact.relations : [], p });
      groups.set(key, group);
    });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ heading: g.heading, entries: orderWithinDay(g.items).map((x) => x.p) }));
}
