/** The closed list of diplomatic event kinds (docs/architecture.md section 3). */
export const EVENT_KINDS = [
  'talks',
  'meeting',
  'proposal',
  'rejection',
  'statement',
  'appointment',
  'accusation',
  'ceasefire',
  'agreement',
  'other',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === 'string' && (EVENT_KINDS as readonly string[]).includes(value);
}
