import type { DatelineEvent } from './dateline-event';
import { CHECK_EVENT_DATA, checkEventData } from './event-data-check';
import { isDatelineEventType } from './event-catalogue';
import { currentVersion, EVENT_UPCASTERS, runUpcasters } from './event-upcasters';

/**
 * Brings a stored event's data to the current version of its type, step by step through the
 * type's upcasters (event-upcasters.ts). Fails loudly, naming the type, for a type this code
 * does not know and for a version newer than it; outside production (`check`) the result is
 * checked against the type's schema, so data that would break a reader fails here, named.
 */
export function upcast(type: string, schemaVersion: number, data: unknown, check = CHECK_EVENT_DATA): DatelineEvent {
  if (!isDatelineEventType(type)) throw new Error(`unknown event type ${type}`);
  const current = currentVersion(type);
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1) throw new Error(`${type} has no schema version ${schemaVersion}`);
  if (schemaVersion > current) throw new Error(`${type} v${schemaVersion} is newer than this code (v${current})`);
  const upcast = runUpcasters(EVENT_UPCASTERS[type], schemaVersion, data);
  if (check) checkEventData(type, upcast);
  // Checked above outside production; in production, the data the write side checked and stored.
  return { type, data: upcast } as DatelineEvent;
}
