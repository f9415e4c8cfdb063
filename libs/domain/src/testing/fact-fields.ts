import type { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';

/**
 * A fact's fields for a spec: a meeting on 16 May 2025 that happened, with every list empty, and
 * what `over` gives. The specs name only what they are about.
 */
export function factFields(over: Partial<DiplomaticEventFields> = {}): DiplomaticEventFields {
  return {
    title: 'Delegations meet',
    kind: 'meeting',
    when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' },
    status: 'happened',
    relations: [],
    about: [],
    participants: [],
    sources: [],
    quotes: [],
    storyIds: [],
    ...over,
  };
}
