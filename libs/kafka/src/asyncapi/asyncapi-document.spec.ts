import { describe, expect, it } from '@jest/globals';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  DatelineEvent,
  diplomaticEventDecider,
  diplomaticEventStream,
  CATALOGUE_ENTRIES,
  EVENT_CATALOGUE,
  factReviewDecider,
  factReviewStream,
  storyDecider,
  storyStream,
} from '@dateline/domain';
import type { EventStore, RecordedEvent } from '@dateline/event-store';
import { cloudEventType, toEventMessage } from '../cloud-event-message';
import { OutgoingMessage } from '../outgoing-message';
import { toTimelineEntryMessage } from '../timeline-entry-message';
import { TimelineEntryTracker } from '../timeline-entry-tracker';
import { topicNames } from '../topics';
import { ASYNCAPI_COMMAND, ASYNCAPI_YAML_PATH, asyncApiDocument, asyncApiYaml } from './asyncapi-document';
import { createRecordValidator, KafkaRecordToValidate } from './record-validator';

// `@asyncapi/parser` has no `exports` map and no "type": its `main` is a CommonJS build, whose
// named exports Node's (and Jest's) ESM loader detect, so the plain import works here.

const storyId = '5d0c6c38-2a8f-4c4e-9a43-0f1f7f3f2b10';
const spanEventId = '0e4a3a4e-8f0a-4d7b-b7f6-2b9b6f3c1d21';
const timedEventId = 'c6f1d8a2-7b3e-4f59-9d0c-3a2e1b4f5c66';

/** Records of every message type, made by the real deciders and the real relay functions. */
async function relayRecords(prefix = 'dateline.'): Promise<OutgoingMessage[]> {
  const topics = topicNames(prefix);
  const versions = new Map<string, number>();
  let position = 40;
  const logged = (streamId: string, event: DatelineEvent): RecordedEvent => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    position += 3;
    return {
      id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      streamId,
      streamVersion,
      position,
      type: event.type,
      schemaVersion: EVENT_CATALOGUE[event.type].version,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: {
        editor: 'alice',
        correlationId: `req-${position}`,
        causationId: `cmd-${position}`,
        recordedAt: new Date(Date.UTC(2025, 4, 16, 9, position)).toISOString(),
      },
    };
  };

  const created = storyDecider.decide(
    { type: 'CreateStory', storyId, slug: 'geneva-talks', headline: 'Talks open', body: 'Body.', tags: ['geneva'] },
    storyDecider.initialState,
  );
  const s1 = created.reduce(storyDecider.evolve, storyDecider.initialState);
  const revised = storyDecider.decide(
    { type: 'ReviseStory', storyId, expectedRevision: 1, headline: 'Talks open in Geneva', changeNote: 'headline', kind: 'correction' },
    s1,
  );

  const timed = diplomaticEventDecider.decide(
    {
      type: 'RecordDiplomaticEvent',
      eventId: timedEventId,
      fields: {
        title: 'Delegations open talks',
        kind: 'talks',
        when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T10:00:00+02:00', timezone: 'Europe/Zurich', certainty: 'explicit' },
        status: 'happened',
        about: [{ label: 'ceasefire to start', date: { precision: 'day', on: '2025-05-20', certainty: 'explicit' } }],
        publishedAt: '2025-05-16T12:00:00Z',
        summary: 'Opening session.',
        location: { name: 'Geneva', country: 'CH' },
        participants: [{ name: 'Jane Doe', role: 'Envoy', country: 'DE' }],
        sources: [{ attribution: 'named-source', name: 'Wire', wording: 'according to Wire' }],
        quotes: [{ text: 'We came to talk.', speaker: 'Jane Doe', speakerInferred: false }],
        cameoCode: '046',
        storyIds: [storyId],
      },
      // Accepted from a fact candidate: the timeline entry carries where it came from.
      provenance: { storyId, revision: 1, paragraph: 1, start: 0, end: 5 },
    },
    diplomaticEventDecider.initialState,
  );
  const t1 = timed.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState);
  const amended = diplomaticEventDecider.decide(
    {
      type: 'AmendDiplomaticEvent',
      eventId: timedEventId,
      expectedVersion: 1,
      changes: {
        when: { precision: 'day', on: '2025-05-16', timezone: 'Europe/Zurich', certainty: 'explicit' },
        summary: null,
        title: 'Talks open',
      },
      reason: 'time unclear',
    },
    t1,
  );
  const span = diplomaticEventDecider.decide(
    {
      type: 'RecordDiplomaticEvent',
      eventId: spanEventId,
      fields: {
        title: 'Shuttle diplomacy',
        kind: 'other',
        when: { precision: 'bounded', onOrAfter: '2025-05-10', onOrBefore: '2025-05-12', certainty: 'inferred' },
      },
    },
    diplomaticEventDecider.initialState,
  );
  const p1 = span.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState);
  const retracted = diplomaticEventDecider.decide(
    { type: 'RetractDiplomaticEvent', eventId: spanEventId, expectedVersion: 1, reason: 'did not happen' },
    p1,
  );

  const accepted = factReviewDecider.decide(
    {
      type: 'AcceptFactCandidate',
      storyId,
      candidateId: 'fc-0123456789abcdef01234567',
      revision: 1,
      factId: timedEventId,
      fields: { ...t1.fields!, provenance: undefined } as NonNullable<typeof t1.fields>,
    },
    factReviewDecider.initialState,
  );
  const dismissed = factReviewDecider.decide(
    { type: 'DismissFactCandidate', storyId, candidateId: 'fc-76543210fedcba9876543210', revision: 2, reason: 'an expectation' },
    accepted.reduce(factReviewDecider.evolve, factReviewDecider.initialState),
  );

  const log = [
    ...[...created, ...revised].map((e) => logged(storyStream(storyId), e)),
    ...[...accepted, ...dismissed].map((e) => logged(factReviewStream(storyId), e)),
    ...[...timed, ...amended].map((e) => logged(diplomaticEventStream(timedEventId), e)),
    ...[...span, ...retracted].map((e) => logged(diplomaticEventStream(spanEventId), e)),
  ];
  // Every amendment follows its recording in this log: the tracker never needs the store.
  const tracker = new TimelineEntryTracker({ readStream: () => Promise.reject(new Error('not expected')) } as unknown as EventStore);
  const records: OutgoingMessage[] = [];
  for (const event of log) {
    records.push(toEventMessage(event, topics));
    for (const change of await tracker.changes(event)) records.push(toTimelineEntryMessage(event, change.entryId, change.entry, topics));
  }
  return records;
}

const asRecord = (m: OutgoingMessage): KafkaRecordToValidate => ({ topic: m.topic, key: m.key, value: m.value, headers: { ...m.headers } });

describe('AsyncAPI document', () => {
  const yamlText = readFileSync(ASYNCAPI_YAML_PATH, 'utf8');

  it(`${ASYNCAPI_YAML_PATH} is what the generator makes from the catalogue (else run ${ASYNCAPI_COMMAND})`, () => {
    const generated = asyncApiYaml();
    expect(yamlText === generated ? 'up to date' : `stale: run ${ASYNCAPI_COMMAND}`).toBe('up to date');
    expect(parse(yamlText)).toEqual(asyncApiDocument());
  });

  it('parses as a valid AsyncAPI 3.0.0 document with @asyncapi/parser', async () => {
    const { document, diagnostics } = await new Parser().parse(yamlText);
    // The diagnostics carry another copy of @stoplight/types than the DiagnosticSeverity the parser
    // re-exports: the same enum (0 = error) under two declarations, which the rule cannot tell apart.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-comparison -- see above
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.path.join('.')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document).toBeDefined();
    expect(document!.version()).toBe('3.0.0');
    expect(
      document!
        .channels()
        .all()
        .map((c) => c.address())
        .sort(),
    ).toEqual(Object.values(topicNames('dateline.')).sort());
    expect(document!.messages().all()).toHaveLength(CATALOGUE_ENTRIES.length + 2);
    expect(
      document!
        .operations()
        .all()
        .every((o) => o.action() === 'send'),
    ).toBe(true);
  });

  it('has a message for every catalogue type, in its category channel, and one channel per topic', () => {
    const prefix = 'test-7.';
    const doc = asyncApiDocument(prefix);
    const topics = topicNames(prefix);
    expect(
      Object.values(doc.channels)
        .map((c) => c.address)
        .sort(),
    ).toEqual([topics.stories, topics.diplomaticEvents, topics.factReviews, topics.timelineEntries].sort());
    for (const entry of CATALOGUE_ENTRIES) {
      const message = doc.components.messages[entry.type];
      expect(message).toMatchObject({
        name: entry.type,
        summary: entry.description,
        contentType: 'application/json',
        payload: { $ref: `#/components/schemas/${entry.type}` },
      });
      expect(doc.components.schemas[entry.type]).toMatchObject(entry.schema);
      expect(JSON.stringify(message.headers)).toContain(`"const":"${cloudEventType(entry.type, entry.version)}"`);
      const channel = {
        story: doc.channels.stories,
        'diplomatic-event': doc.channels.diplomaticEvents,
        'fact-review': doc.channels.factReviews,
      }[entry.category];
      expect(channel.messages[entry.type]).toEqual({ $ref: `#/components/messages/${entry.type}` });
    }
    expect(Object.keys(doc.channels.timelineEntries.messages)).toEqual(['TimelineEntry', 'TimelineEntryRemoved']);
    expect(doc.channels.timelineEntries.bindings.kafka).toMatchObject({ topicConfiguration: { 'cleanup.policy': ['compact'] } });
    expect(doc.components.messages.TimelineEntryRemoved.payload).toEqual({ type: 'null' });
  });

  describe('record validator', () => {
    // From the committed YAML, as a consumer would read it.
    const validate = createRecordValidator(parse(yamlText));

    it('accepts every record the relay functions make, of every message type', async () => {
      const records = await relayRecords();
      expect(new Set(records.map((r) => r.headers.ce_type)).size).toBe(CATALOGUE_ENTRIES.length + 2);
      for (const r of records)
        expect({ type: r.headers.ce_type, problems: validate(asRecord(r)) }).toEqual({ type: r.headers.ce_type, problems: [] });
    });

    it('accepts the records on any topic prefix when built from the document of that prefix', async () => {
      const forPrefix = createRecordValidator(asyncApiDocument('it-42.'));
      for (const r of await relayRecords('it-42.')) expect(forPrefix(asRecord(r))).toEqual([]);
      expect(validate(asRecord((await relayRecords('it-42.'))[0]))[0]).toMatch(/no channel/);
    });

    const sample = async (ceType: string): Promise<KafkaRecordToValidate> =>
      asRecord((await relayRecords()).find((r) => r.headers.ce_type === ceType)!);

    it('rejects a record without ce_id', async () => {
      const r = await sample('dateline.StoryCreated.v1');
      const { ce_id: _, ...headers } = r.headers;
      expect(validate({ ...r, headers })).toEqual([expect.stringMatching(/headers: must have required property 'ce_id'/)]);
    });

    it('rejects a wrong ce_type: unknown, or of another topic', async () => {
      const r = await sample('dateline.StoryCreated.v1');
      expect(validate({ ...r, headers: { ...r.headers, ce_type: 'dateline.StoryCreated.v2' } })).toEqual([
        expect.stringMatching(/ce_type "dateline.StoryCreated.v2" is no message of channel stories/),
      ]);
      expect(validate({ ...r, headers: { ...r.headers, ce_type: 'dateline.DiplomaticEventRecorded.v1' } })[0]).toMatch(
        /is no message of channel stories/,
      );
      const { ce_type: _, ...headers } = r.headers;
      expect(validate({ ...r, headers })[0]).toMatch(/ce_type null is no message/);
    });

    it('rejects a payload that breaks the schema', async () => {
      const r = await sample('dateline.DiplomaticEventRecorded.v2');
      const data = JSON.parse(r.value!);
      expect(validate({ ...r, value: JSON.stringify({ ...data, kind: 'party' }) })).toEqual([
        expect.stringMatching(/^DiplomaticEventRecorded: value.kind: must be equal to one of the allowed values/),
      ]);
      expect(validate({ ...r, value: JSON.stringify({ ...data, extra: 1 }) })).toEqual([
        expect.stringMatching(/value: must NOT have additional properties 'extra'/),
      ]);
      expect(validate({ ...r, value: '{not json' })).toEqual([expect.stringMatching(/value: not JSON/)]);
      const entry = await sample('dateline.TimelineEntry.v2');
      const { recordedAt: _, ...withoutRecordedAt } = JSON.parse(entry.value!);
      expect(validate({ ...entry, value: JSON.stringify(withoutRecordedAt) })).toEqual([
        expect.stringMatching(/value: must have required property 'recordedAt'/),
        expect.stringMatching(/value: must match "else" schema/),
      ]);
      expect(validate({ ...entry, value: null }).join('\n')).toMatch(/value: must be object/);
      const about = asRecord((await relayRecords()).find((r) => r.key?.endsWith('/about/0') && r.value !== null)!);
      const { label: _l, ...withoutLabel } = JSON.parse(about.value!);
      expect(validate({ ...about, value: JSON.stringify(withoutLabel) })).toEqual([
        expect.stringMatching(/value: must have required property 'label'/),
        expect.stringMatching(/value: must match "then" schema/),
      ]);
    });

    it('rejects a key that is not a uuid (on the timeline entries: an entry id)', async () => {
      const r = await sample('dateline.StoryRevised.v1');
      expect(validate({ ...r, key: 'story-1' })).toEqual([expect.stringMatching(/key: must match format "uuid"/)]);
      expect(validate({ ...r, key: null })).toEqual([expect.stringMatching(/key: must be string/)]);
      const entry = await sample('dateline.TimelineEntry.v2');
      expect(validate({ ...entry, key: `${entry.key}/about/0` })).toEqual([]);
      expect(validate({ ...entry, key: `${entry.key}/about/x` })).toEqual([expect.stringMatching(/key: must match pattern/)]);
    });

    it('gives each timeline record of one event its own ce_id, and the diplomatic event id as ce_subject', async () => {
      const records = (await relayRecords()).filter((r) => r.headers.ce_source === '/dateline/timeline-entries');
      const about = records.filter((r) => r.key.includes('/about/'));
      expect(about).toHaveLength(2);
      for (const r of about) {
        expect(r.headers.ce_subject).toBe(timedEventId);
        expect(r.headers.ce_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
      const ids = records.map((r) => r.headers.ce_id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('holds tombstones to their shape: null value, no content-type, and unknown headers are refused', async () => {
      const tombstone = await sample('dateline.TimelineEntryRemoved.v2');
      expect(tombstone.value).toBeNull();
      expect(validate({ ...tombstone, headers: { ...tombstone.headers, 'content-type': 'application/json' } })[0]).toMatch(
        /headers: must NOT be valid/,
      );
      expect(validate({ ...tombstone, value: '{}' })[0]).toMatch(/value: must be null/);
      expect(validate({ ...tombstone, headers: { ...tombstone.headers, ce_datacontenttype: 'application/json' } })[0]).toMatch(
        /additional properties 'ce_datacontenttype'/,
      );
      expect(validate({ ...tombstone, headers: { ...tombstone.headers, dateline_position: '-1' } })[0]).toMatch(
        /headers.dateline_position: must match pattern/,
      );
    });
  });
});
