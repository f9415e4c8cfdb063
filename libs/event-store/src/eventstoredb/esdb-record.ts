import { jsonEvent } from '@eventstore/db-client';
import type { EventData, JSONType, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { NewEvent, Position, RecordedEvent } from '../event-store.port';
import { versionOfRevision } from './expected-revision';

/**
 * An event <-> an ESDB record. Data and metadata are JSON (`application/json`), so the
 * ESDB UI, its projections and other clients read them as they are. The port's
 * `schemaVersion` travels in the metadata as `$schemaVersion`: ESDB keeps `$`-keys of the
 * metadata for system use (`$correlationId`, `$causationId`), so no caller's key can
 * collide with ours, and we refuse callers' `$`-keys to keep the round trip exact.
 */
export const SCHEMA_VERSION_KEY = '$schemaVersion';

/** ESDB's system events (`$statsCollected`, `$metadata`, link events `$>` ...): never ours. */
export function isSystemEventType(type: string): boolean {
  return type.startsWith('$');
}

/** The ESDB record to append for `event`, under `id` (the caller's, or a deterministic one). */
export function toEventData(event: NewEvent, id: string): EventData {
  if (isSystemEventType(event.type))
    throw new RangeError(`event type ${JSON.stringify(event.type)}: a leading $ is for EventStoreDB's system events`);
  for (const key of Object.keys(event.metadata)) {
    if (key.startsWith('$')) throw new RangeError(`metadata key ${JSON.stringify(key)}: keys starting with $ are reserved`);
  }
  return jsonEvent({
    id,
    type: event.type,
    // The client serialises data with JSON.stringify, which takes any JSON value; its type
    // only names objects, arrays and strings.
    data: event.data as JSONType,
    metadata: { ...event.metadata, [SCHEMA_VERSION_KEY]: event.schemaVersion },
  });
}

/** The port's event for an ESDB record; `position` is worked out by the caller. */
export function toRecordedEvent(record: EsdbRecordedEvent, position: Position): RecordedEvent {
  const raw = isPlainObject(record.metadata) ? record.metadata : {};
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = raw;
  return {
    id: record.id,
    streamId: record.streamId,
    streamVersion: versionOfRevision(record.revision),
    position,
    type: record.type,
    // Events written by other tools may have no schema version: they are version 1.
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: record.data,
    metadata,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
