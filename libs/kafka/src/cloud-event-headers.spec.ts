import { describe, expect, it } from '@jest/globals';
import { CloudEvent, Kafka } from 'cloudevents';
import type { DatelineEventType, DiplomaticEventEntry } from '@dateline/domain';
import { factFields } from '@dateline/domain/testing/fact-fields';
import type { RecordedEvent } from '@dateline/event-store';
import { binaryHeaders, CloudEventAttributes } from './cloud-event-headers';
import { datelineHeaders, eventAttributes, toEventMessage } from './cloud-event-message';
import { timelineEntryAttributes, toTimelineEntryMessage } from './timeline-entry-message';
import { topicNames } from './topics';

/**
 * What the relay's headers were when the `cloudevents` SDK made them: a `CloudEvent` bound with
 * `Kafka.binary`, without undefined values and the duplicate `ce_datacontenttype`.
 */
function sdkHeaders({ extensions, ...context }: CloudEventAttributes, data: unknown): Record<string, string> {
  const cloudEvent = new CloudEvent({ specversion: '1.0', ...context, ...(data === undefined ? {} : { data }), ...extensions });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(Kafka.binary(cloudEvent).headers)) {
    if (value === undefined || name === 'ce_datacontenttype') continue;
    headers[name] = String(value);
  }
  return headers;
}

/** Equal names and values, and in the same order: Kafka headers are a list. */
const expectSameHeaders = (actual: Record<string, string>, expected: Record<string, string>) => {
  expect(actual).toEqual(expected);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
};

const storyId = '5d0c6c38-2a8f-4c4e-9a43-0f1f7f3f2b10';
const diplomaticId = 'c6f1d8a2-7b3e-4f59-9d0c-3a2e1b4f5c66';
// Data each type's schema takes: the relay upcasts, and outside production that checks it.
const recordedData = {
  eventId: diplomaticId,
  title: 'Talks "open" — Genève',
  kind: 'talks',
  occurredOn: '2025-05-16',
  datePrecision: 'day',
  dateCertainty: 'explicit',
  participants: [],
  sources: [],
  quotes: [],
  storyIds: [storyId],
};
const DATA: Record<DatelineEventType, unknown> = {
  StoryCreated: { storyId, slug: 'talks', headline: 'Talks "open" — Genève', body: 'b', developing: true, tags: ['a', 'b'], revision: 1 },
  StoryRevised: { storyId, revision: 2, kind: 'update', changeNote: 'Zürich' },
  DiplomaticEventRecorded: recordedData,
  DiplomaticEventAmended: { eventId: diplomaticId, version: 2, changes: { summary: 'more' }, reason: 'r' },
  DiplomaticEventRetracted: { eventId: diplomaticId, version: 2, reason: 'r' },
  FactCandidateAccepted: {
    storyId,
    candidateId: 'fc-0123456789abcdef01234567',
    revision: 1,
    factId: diplomaticId,
    fields: factFields({ title: 'Talks open', kind: 'talks', storyIds: [storyId] }),
  },
  FactCandidateDismissed: { storyId, candidateId: 'fc-76543210fedcba9876543210', revision: 1, reason: 'an expectation' },
};
const logged = (position: number, streamId: string, type: DatelineEventType, metadata: Record<string, unknown>): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  streamId,
  streamVersion: position,
  position,
  type,
  schemaVersion: 1,
  data: DATA[type],
  metadata: { recordedAt: `2025-05-16T09:0${position}:00.000Z`, ...metadata },
});
const events = [
  logged(1, `story-${storyId}`, 'StoryCreated', { editor: 'alice', correlationId: 'req-1', causationId: 'cmd-1' }),
  logged(2, `story-${storyId}`, 'StoryRevised', {}),
  logged(3, `diplomatic-event-${diplomaticId}`, 'DiplomaticEventRecorded', { editor: '', correlationId: 'req-3' }),
  logged(4, `diplomatic-event-${diplomaticId}`, 'DiplomaticEventRetracted', { causationId: 'cmd-4', editor: 'bob' }),
  logged(5, `fact-review-${storyId}`, 'FactCandidateDismissed', { editor: 'alice', correlationId: 'req-5' }),
];

describe('CloudEvents binary headers', () => {
  it("are the SDK's, name for name and in order, for every kind of attributes", () => {
    const cases: [CloudEventAttributes, unknown][] = [
      [{ id: 'x1', type: 't.v1', source: '/s', subject: 'k', time: '2025-05-16T09:00:00Z', datacontenttype: 'application/json' }, { a: 1 }],
      [
        {
          id: 'x2',
          type: 't.v1',
          source: '/s',
          subject: 'k',
          time: '2025-05-16T09:00:00.123+02:00',
          datacontenttype: 'application/json',
          extensions: { editor: 'e', correlationid: 'c', causationid: 'k' },
        },
        [1],
      ],
      [
        { id: 'x3', type: 't.v1', source: '/s', subject: 'k', time: '2025-05-16T09:00:00Z', extensions: { causationid: 'k', editor: 'e' } },
        undefined,
      ],
    ];
    for (const [attributes, data] of cases) expectSameHeaders(binaryHeaders(attributes), sdkHeaders(attributes, data));
  });

  it("of the relay's records are the SDK's, for events with and without audit metadata, entries and tombstones", () => {
    const topics = topicNames('dateline.');
    const entry = { eventId: diplomaticId } as unknown as DiplomaticEventEntry;
    for (const event of events) {
      const message = toEventMessage(event, topics);
      expectSameHeaders(message.headers, { ...sdkHeaders(eventAttributes(event), JSON.parse(message.value!)), ...datelineHeaders(event) });
    }
    const [, , recorded, retracted] = events;
    const added = toTimelineEntryMessage(recorded, diplomaticId, entry, topics);
    expectSameHeaders(added.headers, {
      ...sdkHeaders(timelineEntryAttributes(recorded, diplomaticId, true), entry),
      ...datelineHeaders(recorded),
    });
    const tombstone = toTimelineEntryMessage(retracted, diplomaticId, null, topics);
    expect(tombstone.value).toBeNull();
    expect(tombstone.headers['content-type']).toBeUndefined();
    expectSameHeaders(tombstone.headers, {
      ...sdkHeaders(timelineEntryAttributes(retracted, diplomaticId, false), undefined),
      ...datelineHeaders(retracted),
    });
  });

  it('carry the audit metadata as extensions, and skip what is missing or empty', () => {
    const topics = topicNames('dateline.');
    expect(toEventMessage(events[0], topics).headers).toMatchObject({
      ce_editor: 'alice',
      ce_correlationid: 'req-1',
      ce_causationid: 'cmd-1',
      ce_type: 'dateline.StoryCreated.v1',
    });
    expect(
      Object.keys(toEventMessage(events[2], topics).headers).filter((h) => ['ce_editor', 'ce_correlationid', 'ce_causationid'].includes(h)),
    ).toEqual(['ce_correlationid']);
  });

  it('carry non-ASCII metadata as the same text, which the producer encodes as UTF-8 exactly once', () => {
    const text = 'Zürich — «Genève» 東京 🇺🇦';
    const event = logged(5, `story-${storyId}`, 'StoryRevised', { editor: 'Zoë', correlationId: text, causationId: text });
    const { headers } = toEventMessage(event, topicNames('dateline.'));
    expect({ editor: headers.ce_editor, correlation: headers.ce_correlationid }).toEqual({ editor: 'Zoë', correlation: text });
    // kafkajs writes a string header value with Buffer.byteLength/write in 'utf8': these bytes.
    expect(Buffer.from(headers.ce_correlationid, 'utf8')).toEqual(Buffer.from([...new TextEncoder().encode(text)]));
    expect(Buffer.from(headers.ce_correlationid, 'utf8').toString('utf8')).toBe(text);
  });
});
