import { possibleDays, type FactDate, type Participant } from '@dateline/domain';
import type { AcceptedFact } from '../candidate';

/**
 * Accepted facts a candidate may repeat: they share a participant (by name, or a surname for a
 * full name) and the days each can have happened on overlap. A hint for the editor, who
 * decides; two facts with the same people on the same day are often two facts.
 */
export function possibleDuplicates(when: FactDate, participants: readonly Participant[], accepted: readonly AcceptedFact[]): string[] {
  const mine = participants.map((p) => p.name.toLowerCase());
  const days = possibleDays(when);
  return accepted
    .filter((a) => a.participants.some((p) => mine.some((m) => sameName(m, p.name.toLowerCase()))))
    .filter((a) => overlap(days, possibleDays(a.when)))
    .map((a) => a.id);
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
