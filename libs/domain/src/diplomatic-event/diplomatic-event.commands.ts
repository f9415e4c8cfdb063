import { FactProvenance } from '../fact-review/fact-provenance';
import { DiplomaticEventChanges, DiplomaticEventFields } from './diplomatic-event-fields';
import { AmendmentInput } from './diplomatic-event.events';

type RequiredOnRecord = Pick<DiplomaticEventFields, 'title' | 'kind' | 'when'>;

export interface RecordDiplomaticEvent {
  readonly type: 'RecordDiplomaticEvent';
  readonly eventId: string;
  /** The fields, and when the newsroom published the fact (editorial time), if the editor says. */
  readonly fields: DiplomaticEventChanges & RequiredOnRecord & { readonly publishedAt?: string };
  /** Set only when a fact candidate is accepted (the fact review): the evidence the fact rests on. */
  readonly provenance?: FactProvenance;
}

export interface AmendDiplomaticEvent {
  readonly type: 'AmendDiplomaticEvent';
  readonly eventId: string;
  readonly expectedVersion: number;
  readonly changes: AmendmentInput;
  readonly reason: string;
  /** When the newsroom published this amendment (editorial time), if the editor says. */
  readonly publishedAt?: string;
}

export interface RetractDiplomaticEvent {
  readonly type: 'RetractDiplomaticEvent';
  readonly eventId: string;
  readonly expectedVersion: number;
  readonly reason: string;
}

export type DiplomaticEventCommand = RecordDiplomaticEvent | AmendDiplomaticEvent | RetractDiplomaticEvent;
