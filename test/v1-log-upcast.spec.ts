import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import {
  DiplomaticEventAmendedV1Data,
  DiplomaticEventEvent,
  diplomaticEventDecider,
  DiplomaticEventRecordedV1Data,
  DiplomaticEventState,
  EVENT_CATALOGUE,
  eventTypesOf,
  isDatelineEventType,
  upcast,
} from '@dateline/domain';

/**
 * The committed v1 log (test/fixtures/v1-log.json): the events main's code stored before issue
 * 16, dumped from PGlite (the seed, and a fact amended three times, its date too, then
 * retracted). Every event must upcast to the current schema, and the folds of the upcast events
 * must say what the v1 events said.
 */
interface StoredEvent {
  readonly stream: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: { readonly recordedAt: string };
}
const log = JSON.parse(readFileSync('test/fixtures/v1-log.json', 'utf8')) as StoredEvent[];
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

describe('the v1 event log, upcast to v2', () => {
  it('is a log of v1 events that matched the v1 schemas', () => {
    expect(log.length).toBeGreaterThan(25);
    const recordedV1 = ajv.compile(DiplomaticEventRecordedV1Data);
    const amendedV1 = ajv.compile(DiplomaticEventAmendedV1Data);
    for (const e of log) {
      expect(e.schemaVersion).toBe(1);
      if (e.type === 'DiplomaticEventRecorded') expect({ errors: recordedV1(e.data) ? null : recordedV1.errors }).toEqual({ errors: null });
      if (e.type === 'DiplomaticEventAmended') expect({ errors: amendedV1(e.data) ? null : amendedV1.errors }).toEqual({ errors: null });
    }
    // Every type a v1 log could hold: the fact review's types came after v1.
    expect(new Set(log.map((e) => e.type))).toEqual(new Set([...eventTypesOf('story'), ...eventTypesOf('diplomatic-event')]));
  });

  it('upcasts every event to the current version, valid against its current schema', () => {
    for (const e of log) {
      if (!isDatelineEventType(e.type)) throw new Error(`unknown type ${e.type}`);
      const event = upcast(e.type, e.schemaVersion, e.data, false);
      const validate = ajv.compile(EVENT_CATALOGUE[e.type].schema);
      const ok = validate(event.data);
      expect({ type: e.type, stream: e.stream, errors: ok ? null : validate.errors }).toEqual({
        type: e.type,
        stream: e.stream,
        errors: null,
      });
    }
  });

  it('keeps what v1 said: a day stays that day with its time and zone, hedged sources become reportedly', () => {
    const talks = log.find((e) => e.type === 'DiplomaticEventRecorded' && (e.data as { occurredAt?: string }).occurredAt)!;
    const v1 = talks.data as { occurredOn: string; occurredAt: string; timezone?: string; sources: { name: string; hedged: boolean }[] };
    const v2 = upcast(talks.type, 1, talks.data).data as unknown as {
      when: Record<string, unknown>;
      sources: { attribution: string; name: string }[];
    };
    expect(v2.when).toMatchObject({ precision: 'day', on: v1.occurredOn, at: v1.occurredAt });
    expect(v2.sources.map((s) => s.name)).toEqual(v1.sources.map((s) => s.name));
    for (const [i, s] of v1.sources.entries()) expect(v2.sources[i].attribution).toBe(s.hedged ? 'reportedly' : 'named-source');
  });

  it("applies a v1 amendment's date changes to the date as it stood", () => {
    const amended = log.filter((e) => e.type === 'DiplomaticEventAmended');
    const stream = log.filter((e) => e.stream === amended[0].stream);
    const states: DiplomaticEventState[] = [];
    stream.reduce((state, e) => {
      const next = diplomaticEventDecider.evolve(state, upcast(e.type, e.schemaVersion, e.data) as DiplomaticEventEvent);
      states.push(next);
      return next;
    }, diplomaticEventDecider.initialState);
    // Recorded on a day at a time; then the time removed and the date widened to a span; then a source; then a day again, zone removed.
    expect(states[0].fields?.when).toEqual({
      precision: 'day',
      on: '2025-05-15',
      at: '2025-05-15T14:00:00+03:00',
      timezone: 'Europe/Istanbul',
      certainty: 'explicit',
      wording: 'on Thursday',
    });
    expect(states[1].fields?.when).toEqual({
      precision: 'bounded',
      onOrAfter: '2025-05-15',
      onOrBefore: '2025-05-16',
      timezone: 'Europe/Istanbul',
      certainty: 'inferred',
    });
    expect(states[2].fields?.sources).toEqual([{ attribution: 'reportedly', name: 'Interfax', note: 'citing a source' }]);
    expect(states[3].fields?.when).toEqual({ precision: 'day', on: '2025-05-15', certainty: 'inferred' });
    expect(states[4].status).toBe('retracted');
  });
});
