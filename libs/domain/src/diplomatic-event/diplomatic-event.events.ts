import { DiplomaticEventChanges, DiplomaticEventFields } from './diplomatic-event-fields';

export interface DiplomaticEventRecorded {
  readonly type: 'DiplomaticEventRecorded';
  readonly data: DiplomaticEventFields & { readonly eventId: string };
}

/**
 * Changed fields only. A `null` value removes an optional field (e.g. `occurredUntil` when a
 * span narrows to a day).
 */
export interface DiplomaticEventAmended {
  readonly type: 'DiplomaticEventAmended';
  readonly data: {
    readonly eventId: string;
    readonly version: number;
    readonly changes: AmendmentChanges;
    readonly reason: string;
  };
}

export interface DiplomaticEventRetracted {
  readonly type: 'DiplomaticEventRetracted';
  readonly data: { readonly eventId: string; readonly version: number; readonly reason: string };
}

export type AmendmentChanges = { readonly [K in keyof DiplomaticEventChanges]?: DiplomaticEventChanges[K] | null };

export type DiplomaticEventEvent = DiplomaticEventRecorded | DiplomaticEventAmended | DiplomaticEventRetracted;
