import { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';
import { DateKnowledgeV2 } from './date-knowledge-v2';
import { dateKnowledgeFromV1 } from './v1-date-mapping';

/**
 * What a recorded fact's fields say about when it happened, in v2 terms: the one function the
 * read side (placement, order, wording) calls, so that it does not depend on how the fields
 * spell it. While the stored shape is v1 it maps from v1; when the catalogue's v2 shape carries
 * `when`, `status`, `relations`, `about` and attributed sources itself, this picks them out.
 */
export function factKnowledge(fields: DiplomaticEventFields): DateKnowledgeV2 {
  return dateKnowledgeFromV1(fields);
}

/**
 * When the newsroom published (or learned) what an event says: its editorial time when it
 * carries one, else when it was recorded (docs/adr/0013-date-knowledge-v2.md). Editorial time
 * never lies after the recorded time; the write side refuses that.
 */
export function editorialTime(data: { readonly publishedAt?: string }, recordedAt: string): string {
  return data.publishedAt ?? recordedAt;
}
