import { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';
import { DateKnowledgeV2 } from './date-knowledge-v2';

/**
 * What a recorded fact's fields say about when it happened, in v2 terms: the one function the
 * read side (placement, order, wording) calls, so that it does not depend on how the fields
 * spell it. The stored fields are v2 (stored v1 events are upcast on read), so this picks the
 * date knowledge out of them.
 */
export function factKnowledge(fields: DiplomaticEventFields): DateKnowledgeV2 {
  return { when: fields.when, status: fields.status, relations: fields.relations, about: fields.about, sources: fields.sources };
}

/**
 * When the newsroom published (or learned) what an event says: its editorial time when it
 * carries one, else when it was recorded (docs/adr/0013-date-knowledge-v2.md). Editorial time
 * never lies after the recorded time; the write side refuses that (editorial-time.ts).
 */
export function editorialTime(data: { readonly publishedAt?: string }, recordedAt: string): string {
  return data.publishedAt ?? recordedAt;
}
