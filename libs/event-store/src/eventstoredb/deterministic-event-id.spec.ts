import { describe, expect, it } from '@jest/globals';
import { DATELINE_EVENT_ID_NAMESPACE, deterministicEventId, uuidV5 } from './deterministic-event-id';

// Expected values computed independently with Python's uuid.uuid5.
describe('deterministic event ids (UUID v5)', () => {
  it('matches RFC 9562 UUID v5 for known inputs', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives each event id from the key and the event index', () => {
    expect(DATELINE_EVENT_ID_NAMESPACE).toBe('fdc86b79-15a3-4003-a1b6-1593dadba70f');
    expect(deterministicEventId('ceasefire-proposal-1', 0)).toBe('7f1de787-7928-50b0-90b9-19bbd5b601b6');
    expect(deterministicEventId('ceasefire-proposal-1', 1)).toBe('a5ca1f78-959b-51b1-b1fc-bb6eaad11e28');
    expect(deterministicEventId('Kyiv “é”', 0)).toBe('27265297-358f-5e83-9c8f-a434751147a9');
  });

  it('gives a retry the same ids and other keys or indexes other ids', () => {
    expect(deterministicEventId('k', 0)).toBe(deterministicEventId('k', 0));
    const ids = new Set([
      deterministicEventId('k', 0),
      deterministicEventId('k', 1),
      deterministicEventId('k#1', 0),
      deterministicEventId('k2', 0),
    ]);
    expect(ids.size).toBe(4);
  });

  it('makes version-5 UUIDs of the RFC variant, which ESDB accepts as event ids', () => {
    expect(deterministicEventId('any key', 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(RangeError);
  });
});
