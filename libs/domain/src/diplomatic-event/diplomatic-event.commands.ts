import { DiplomaticEventChanges, DiplomaticEventFields } from './diplomatic-event-fields';
import { AmendmentChanges } from './diplomatic-event.events';

type RequiredOnRecord = Pick<DiplomaticEventFields, 'title' | 'kind' | 'occurredOn'>;

export interface RecordDiplomaticEvent {
  readonly type: 'RecordDiplomaticEvent';
  readonly eventId: string;
  readonly fields: DiplomaticEventChanges & RequiredOnRecord;
}

export interface AmendDiplomaticEvent {
  readonly type: 'AmendDiplomaticEvent';
  readonly eventId: string;
  readonly expectedVersion: number;
  readonly changes: AmendmentChanges;
  readonly reason: string;
}

export interface RetractDiplomaticEvent {
  readonly type: 'RetractDiplomaticEvent';
  readonly eventId: string;
  readonly expectedVersion: number;
  readonly reason: string;
}

export type DiplomaticEventCommand = RecordDiplomaticEvent | AmendDiplomaticEvent | RetractDiplomaticEvent;
