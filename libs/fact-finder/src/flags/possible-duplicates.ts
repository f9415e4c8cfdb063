import { possibleDays, type FactDate, type Participant } from '@dateline/domain';
import type { AcceptedFact } from '../candidate';
import { addDays } from '../rules/dates/calendar';

/** How far back an open bound reaches here: news that gives no lower bound is about recent days, not any day of the past. */
const OPEN_BOUND_DAYS = 31;

/**
 * Accepted facts a candidate may repeat: they share a participant (by name, or a surname for a
 * full name) and the days each can have happened on overlap, an open bound ("on or before 16
 * May") reaching a month from its day. A hint for the editor, who decides; two facts with the
 * same people on the same day are often two facts.
 */
export function possibleDuplicates(when: FactDate, participants: readonly Participant[], accepted: readonly AcceptedFact[]): string[] {
  const mine = participants.map((p) => p.name.toLowerCase());
  const days = window(when);
  return accepted
    .filter((a) => a.participants.some((p) => mine.some((m) => sameName(m, p.name.toLowerCase()))))
    .filter((a) => overlap(days, window(a.when)))
    .map((a) => a.id);
}

function window(when: FactDate): { earliest?: string; latest?: string } {
  const { earliest, latest } = possibleDays(when);
  return {
    earliest: earliest ?? (latest ? addDays(latest, -OPEN_BOUND_DAYS) : undefined),
    latest: latest ?? (earliest ? addDays(earliest, OPEN_BOUND_DAYS) : undefined),
  };
}

function sameName(a: string, b: string): boolean {
  return a === b || a.endsWith(` ${b}`) || b.endsWith(` ${a}`);
}

function overlap(a: { earliest?: string; latest?: string }, b: { earliest?: string; latest?: string }): boolean {
  return (
    (a.earliest === undefined || b.latest === undefined || a.earliest <= b.latest) &&
    (b.earliest === undefined || a.latest === undefined || b.earliest <= a.latest)
  );
}
