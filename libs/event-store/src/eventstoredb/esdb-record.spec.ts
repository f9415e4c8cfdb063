import { describe, expect, it } from '@jest/globals';
import type { JSONRecordedEvent } from '@eventstore/db-client';
import { NewEvent } from '../event-store.port';
import { isSystemEventType, SCHEMA_VERSION_KEY, toEventData, toRecordedEvent } from './esdb-record';

const event: NewEvent = {
  id: '0b7d3f0e-3c5e-4a8f-9d2b-6f1e2a3b4c5d',
  type: 'DiplomaticEventRecorded',
  schemaVersion: 2,
  data: { title: 'Talks open in Istanbul', occurredOn: '2025-05-16', participants: [{ name: 'Ukraine', country: 'UA' }] },
  metadata: { editor: 'alice', correlationId: 'c-1', recordedAt: '2025-05-16T09:00:00.000Z' },
};

/** What the client hands back for a record written from `toEventData` (it parses JSON data and metadata). */
function asRecorded(data: ReturnType<typeof toEventData>, revision: bigint): JSONRecordedEvent {
  const json = JSON.parse(JSON.stringify({ data: data.data, metadata: data.metadata })) as { data: never; metadata: never };
  return {
    streamId: 'diplomatic-event-1',
    id: data.id,
    isJson: true,
    revision,
    type: data.type,
    created: new Date(),
    ...json,
    position: { commit: 900n, prepare: 900n },
  };
}

describe('events <-> ESDB records', () => {
  it('writes JSON data and metadata, under the given id, with the schema version in the metadata', () => {
    const data = toEventData(event, 'f0000000-0000-4000-8000-000000000001');
    expect(data).toMatchObject({
      id: 'f0000000-0000-4000-8000-000000000001',
      type: event.type,
      contentType: 'application/json',
      data: event.data,
    });
    expect(data.metadata).toEqual({ ...event.metadata, [SCHEMA_VERSION_KEY]: 2 });
  });

  it('reads back exactly what was written, with the stream version one above the revision', () => {
    const back = toRecordedEvent(asRecorded(toEventData(event, event.id), 4n), 900);
    expect(back).toEqual({
      id: event.id,
      streamId: 'diplomatic-event-1',
      streamVersion: 5,
      position: 900,
      type: event.type,
      schemaVersion: 2,
      data: event.data,
      metadata: event.metadata,
    });
  });

  it('keeps JSON values that are not objects', () => {
    for (const value of [null, 42, 'text', [1, 'two'], true]) {
      const back = toRecordedEvent(asRecorded(toEventData({ ...event, data: value }, event.id), 0n), 1);
      expect(back.data).toEqual(value);
    }
  });

  it('reads events of other tools (no schema version, no JSON metadata) as version 1 with empty metadata', () => {
    const foreign: JSONRecordedEvent = {
      streamId: 'other',
      id: event.id,
      isJson: true,
      revision: 0n,
      type: 'Foreign',
      created: new Date(),
      data: { a: 1 },
      metadata: undefined,
    };
    expect(toRecordedEvent(foreign, 7)).toMatchObject({ schemaVersion: 1, metadata: {}, data: { a: 1 } });
  });

  it('refuses metadata keys starting with $ (reserved) and system event types', () => {
    expect(() => toEventData({ ...event, metadata: { $correlationId: 'x' } }, event.id)).toThrow(RangeError);
    expect(() => toEventData({ ...event, type: '$metadata' }, event.id)).toThrow(RangeError);
  });

  it('knows system events by their leading $', () => {
    expect(isSystemEventType('$statsCollected')).toBe(true);
    expect(isSystemEventType('$>')).toBe(true);
    expect(isSystemEventType('StoryCreated')).toBe(false);
  });
});
