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
  const groups = headingGroups(facts, day).get(day);
  return groups ? ordered(groups) : [];
}

/**
 * daySections of every day the facts are filed on, each fact placed once: a page of several
 * days asking daySections day by day placed every fact again for each day (a reader page of 14
 * days spent most of its view model there, issue 19). A day nothing is filed on is not a key.
 */
export function daySectionsByDay(facts: readonly DayFact[]): Map<CalendarDate, DaySection[]> {
  const out = new Map<CalendarDate, DaySection[]>();
  for (const [day, groups] of headingGroups(facts)) out.set(day, ordered(groups));
  return out;
}

interface Group {
  readonly heading: Heading;
  readonly items: { key: string; at?: string; relations: readonly FactRelation[]; p: Placement }[];
}

/** The placements filed on each day (on `only` alone when given), by heading key, in the order of `facts`. */
function headingGroups(facts: readonly DayFact[], only?: CalendarDate): Map<CalendarDate, Map<string, Group>> {
  const days = new Map<CalendarDate, Map<string, Group>>();
  for (const fact of facts) {
    const dates = [fact.when, ...(fact.about ?? []).map((a) => a.date)];
    placement(fact).forEach((p, i) => {
      if (only !== undefined && p.day !== only) return;
      const d = dates[i];
      const at = d.precision === 'day' ? d.at : undefined;
      let groups = days.get(p.day);
      if (!groups) days.set(p.day, (groups = new Map<string, Group>()));
      const key = headingKey(p.day, p.heading);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { heading: p.heading, items: [] }));
      group.items.push({ key: p.key, ...(at ? { at } : {}), relations: p.role === 'fact' ? fact.relations : [], p });
    });
  }
  return days;
}

function ordered(groups: Map<string, Group>): DaySection[] {
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => ({ heading: g.heading, entries: orderWithinDay(g.items).map((x) => x.p) }));
}
