import { describe, expect, it } from '@jest/globals';
import { factFields } from '../testing/fact-fields';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { diplomaticEventDecider } from '../diplomatic-event/diplomatic-event.decider';
import { factReviewDecider } from '../fact-review/fact-review.decider';
import { storyDecider } from '../story/story.decider';
import { DatelineEvent } from './dateline-event';
import { CATALOGUE_ENTRIES, catalogueEntry, EVENT_CATALOGUE, eventTypesOf, isDatelineEventType } from './event-catalogue';
import { EVENT_UPCASTERS } from './event-upcasters';

const storyId = '3f1c1f7e-9a55-4a57-9d0f-5c0a2e1e4c11';
const eventId = '9b2e8d0a-3c1b-4f6e-8a7d-2e5f1c0b9a88';

/** One of each event type, made by the deciders themselves. */
function sampleEvents(): DatelineEvent[] {
  const created = storyDecider.decide(
    {
      type: 'CreateStory',
      storyId,
      slug: 's',
      headline: 'h',
      body: 'b',
      byline: 'x',
      editorsNote: 'n',
      tags: ['t'],
      publishedAt: '2025-05-16T09:00:00Z',
    },
    storyDecider.initialState,
  );
  const s1 = created.reduce(storyDecider.evolve, storyDecider.initialState);
  const revised = storyDecider.decide(
    { type: 'ReviseStory', storyId, expectedRevision: 1, body: 'b2', changeNote: 'c', kind: 'correction', editorsNote: '' },
    s1,
  );
  const recorded = diplomaticEventDecider.decide(
    {
      type: 'RecordDiplomaticEvent',
      eventId,
      fields: {
        title: 't',
        kind: 'talks',
        when: {
          precision: 'day',
          on: '2025-05-16',
          at: '2025-05-16T10:00:00+03:00',
          timezone: 'Europe/Istanbul',
          certainty: 'explicit',
          wording: 'on May 16',
        },
        status: 'expected',
        relations: [{ relation: 'after', fact: storyId }],
        about: [{ label: 'ceasefire proposed to start', date: { precision: 'bounded', onOrAfter: '2025-05-12', certainty: 'explicit' } }],
        publishedAt: '2025-05-16T09:00:00Z',
        summary: 's',
        location: { name: 'Istanbul', country: 'TR' },
        participants: [{ name: 'A', role: 'r', country: 'UA' }],
        sources: [{ attribution: 'unnamed-source', name: 'S', wording: 'citing a source', note: 'n' }],
        quotes: [{ text: 'q', speaker: 'A', speakerInferred: true, context: 'c' }],
        cameoCode: '046',
        storyIds: [storyId],
      },
      provenance: { storyId, revision: 1, paragraph: 1, start: 0, end: 1 },
    },
    diplomaticEventDecider.initialState,
  );
  const d1 = recorded.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState);
  const amended = diplomaticEventDecider.decide(
    {
      type: 'AmendDiplomaticEvent',
      eventId,
      expectedVersion: 1,
      changes: { when: { precision: 'month', on: '2025-05', certainty: 'inferred' }, summary: 'more' },
      reason: 'r',
      publishedAt: '2025-05-16T11:00:00Z',
    },
    d1,
  );
  const d2 = amended.reduce(diplomaticEventDecider.evolve, d1);
  const retracted = diplomaticEventDecider.decide({ type: 'RetractDiplomaticEvent', eventId, expectedVersion: 2, reason: 'r' }, d2);
  const candidate = { storyId, revision: 2 };
  const accepted = factReviewDecider.decide(
    {
      type: 'AcceptFactCandidate',
      ...candidate,
      candidateId: 'fc-0123456789abcdef01234567',
      factId: eventId,
      fields: factFields({ storyIds: [storyId] }),
    },
    factReviewDecider.initialState,
  );
  const r1 = accepted.reduce(factReviewDecider.evolve, factReviewDecider.initialState);
  const dismissed = factReviewDecider.decide(
    { type: 'DismissFactCandidate', ...candidate, candidateId: 'fc-76543210fedcba9876543210', reason: 'an expectation, not an event' },
    r1,
  );
  return [...created, ...revised, ...recorded, ...amended, ...retracted, ...accepted, ...dismissed];
}

describe('event catalogue', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);

  it('lists every event type once, each with a schema', () => {
    const types = CATALOGUE_ENTRIES.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual([
      'DiplomaticEventAmended',
      'DiplomaticEventRecorded',
      'DiplomaticEventRetracted',
      'FactCandidateAccepted',
      'FactCandidateDismissed',
      'StoryCreated',
      'StoryRevised',
    ]);
  });

  it('every event the deciders make validates against its catalogue schema', () => {
    const events = sampleEvents();
    expect(new Set(events.map((e) => e.type)).size).toBe(CATALOGUE_ENTRIES.length);
    for (const e of events) {
      const validate = ajv.compile(EVENT_CATALOGUE[e.type].schema);
      const ok = validate(JSON.parse(JSON.stringify(e.data)));
      expect({ type: e.type, errors: validate.errors ?? null, ok }).toEqual({ type: e.type, errors: null, ok: true });
    }
  });

  it('the schemas reject what the domain rejects in shape', () => {
    const validate = ajv.compile(EVENT_CATALOGUE.DiplomaticEventRecorded.schema);
    expect(validate({ eventId, ...factFields({ title: 't' }), kind: 'party' })).toBe(false);
  });

  it('files each entry under its own type, with the version of its upcaster table', () => {
    for (const [type, entry] of Object.entries(EVENT_CATALOGUE)) {
      expect(entry.type).toBe(type);
      expect(entry.version).toBe(Object.keys(EVENT_UPCASTERS[entry.type]).length);
    }
  });

  it('tells its types from strings that name none, and groups them by stream category', () => {
    expect(isDatelineEventType('StoryRevised')).toBe(true);
    expect(isDatelineEventType('MeetingPostponed')).toBe(false);
    // Not a type, though every object has it.
    expect(isDatelineEventType('toString')).toBe(false);
    expect(catalogueEntry('Nope')).toBeUndefined();
    expect(catalogueEntry('StoryCreated')).toBe(EVENT_CATALOGUE.StoryCreated);
    expect(eventTypesOf('story')).toEqual(['StoryCreated', 'StoryRevised']);
    expect(eventTypesOf('diplomatic-event')).toEqual(['DiplomaticEventRecorded', 'DiplomaticEventAmended', 'DiplomaticEventRetracted']);
    expect(eventTypesOf('fact-review')).toEqual(['FactCandidateAccepted', 'FactCandidateDismissed']);
  });

  it('the schemas are plain JSON Schema: what JSON keeps of them is all there is', () => {
    for (const { schema } of CATALOGUE_ENTRIES) {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      expect(Object.getOwnPropertySymbols(schema)).toEqual([]);
    }
  });
});
