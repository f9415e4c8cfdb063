import { describe, expect, it } from '@jest/globals';
import { CHECK_EVENT_DATA } from './event-data-check';
import { CURRENT, EVENT_UPCASTERS, runUpcasters, UpcastTable } from './event-upcasters';
import { upcast } from './upcast';

const retracted = { eventId: '9b2e8d0a-3c1b-4f6e-8a7d-2e5f1c0b9a88', version: 2, reason: 'withdrawn by the source' };

describe('upcast', () => {
  it('brings current data through as the event of its type', () => {
    expect(upcast('DiplomaticEventRetracted', 1, retracted)).toEqual({ type: 'DiplomaticEventRetracted', data: retracted });
  });

  it('fails loudly for a type this code does not know, naming it', () => {
    expect(() => upcast('MeetingPostponed', 1, {})).toThrow('unknown event type MeetingPostponed');
    expect(() => upcast('constructor', 1, {})).toThrow('unknown event type constructor');
  });

  it('refuses a version newer than the code, and one that cannot exist', () => {
    expect(() => upcast('StoryCreated', 2, {})).toThrow('StoryCreated v2 is newer than this code (v1)');
    expect(() => upcast('StoryCreated', 0, {})).toThrow('StoryCreated has no schema version 0');
    expect(() => upcast('StoryCreated', 1.5, {})).toThrow('StoryCreated has no schema version 1.5');
  });

  it('checks the result against the schema in tests and development, naming the type and each problem', () => {
    expect(CHECK_EVENT_DATA).toBe(true);
    expect(() => upcast('DiplomaticEventRetracted', 1, { ...retracted, version: 1, reason: '' })).toThrow(
      'DiplomaticEventRetracted data does not match its schema: data/version must be >= 2; data/reason must NOT have fewer than 1 characters',
    );
    expect(() => upcast('DiplomaticEventRetracted', 1, { ...retracted, note: 'x' })).toThrow(
      'DiplomaticEventRetracted data does not match its schema: data must NOT have additional properties',
    );
    expect(() => upcast('StoryRevised', 1, null)).toThrow('StoryRevised data does not match its schema: data must be object');
  });

  it('leaves the check out when told to (production)', () => {
    expect(upcast('DiplomaticEventRetracted', 1, { reason: '' }, false)).toEqual({
      type: 'DiplomaticEventRetracted',
      data: { reason: '' },
    });
  });
});

describe('upcaster tables', () => {
  it('each type has versions 1 … n with CURRENT at n, and nothing after it', () => {
    for (const [type, table] of Object.entries(EVENT_UPCASTERS)) {
      const versions = Object.keys(table).map(Number);
      expect({ type, versions }).toEqual({ type, versions: versions.map((_, i) => i + 1) });
      const steps: UpcastTable = table;
      expect({ type, last: steps[versions.length] }).toEqual({ type, last: CURRENT });
    }
  });

  it('run every step from the stored version on, in order', () => {
    const table: UpcastTable = {
      1: (d) => ({ ...(d as object), place: 'Istanbul' }),
      2: (d) => {
        const { place, ...rest } = d as { place: string };
        return { ...rest, location: { name: place } };
      },
      3: CURRENT,
    };
    expect(runUpcasters(table, 1, { title: 't' })).toEqual({ title: 't', location: { name: 'Istanbul' } });
    expect(runUpcasters(table, 2, { title: 't', place: 'Geneva' })).toEqual({ title: 't', location: { name: 'Geneva' } });
    const current = { title: 't', location: { name: 'Doha' } };
    expect(runUpcasters(table, 3, current)).toBe(current);
  });
});
