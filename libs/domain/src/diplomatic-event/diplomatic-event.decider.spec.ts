import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '../testing/decider-specification';
import { AggregateNotFound, CommandRejected, InvalidInput, StaleVersion } from '../errors/domain-errors';
import { DiplomaticEventRecorded, DiplomaticEventRetracted } from './diplomatic-event.events';
import { diplomaticEventDecider } from './diplomatic-event.decider';

const eventId = '9b2e8d0a-3c1b-4f6e-8a7d-2e5f1c0b9a88';
const spec = DeciderSpecification.for(diplomaticEventDecider);
const recorded: DiplomaticEventRecorded = {
  type: 'DiplomaticEventRecorded',
  data: {
    eventId,
    title: 'Talks open',
    kind: 'talks',
    occurredOn: '2024-03-05',
    timezone: 'Europe/Zurich',
    datePrecision: 'day',
    dateCertainty: 'explicit',
    participants: [],
    sources: [],
    quotes: [],
    storyIds: [],
  },
};
const retracted: DiplomaticEventRetracted = { type: 'DiplomaticEventRetracted', data: { eventId, version: 2, reason: 'withdrawn' } };

describe('diplomatic event decider', () => {
  it('records with defaults for what the editor left out', () => {
    spec
      .given([])
      .when({
        type: 'RecordDiplomaticEvent',
        eventId,
        fields: { title: 'Talks open', kind: 'talks', occurredOn: '2024-03-05', timezone: 'Europe/Zurich' },
      })
      .then([recorded]);
  });

  it.each([
    [{ occurredOn: '2025-02-30' }, /real calendar date/],
    [{ occurredOn: '2024-02-29', occurredAt: '2024-02-29T12:00:00Z' }, null],
    [{ timezone: 'Europe/Atlantis' }, /IANA/],
    [{ occurredAt: '2024-03-05T23:30:00Z' }, /falls on 2024-03-06 in Europe\/Zurich/],
    [{ occurredAt: '2024-03-05T23:30:00-05:00', timezone: undefined }, null],
    [{ datePrecision: 'span', occurredUntil: '2024-03-04' }, /must not be before/],
    [
      { datePrecision: 'span', occurredUntil: '2024-03-09', occurredAt: '2024-03-05T10:00:00+01:00' },
      /not allowed when datePrecision is span/,
    ],
    [{ cameoCode: '0000' }, /CAMEO/],
    [{ kind: 'party' }, /kind must be one of/],
  ])('checks the fields: %j', (over, problem) => {
    const when = spec.given([]).when({ type: 'RecordDiplomaticEvent', eventId, fields: { ...recorded.data, ...over } as never });
    if (problem) when.thenThrows(InvalidInput, problem);
    else
      expect(() =>
        diplomaticEventDecider.decide(
          { type: 'RecordDiplomaticEvent', eventId, fields: { ...recorded.data, ...over } },
          diplomaticEventDecider.initialState,
        ),
      ).not.toThrow();
  });

  it('names every problem at once', () => {
    const err = spec
      .given([])
      .when({ type: 'RecordDiplomaticEvent', eventId, fields: { ...recorded.data, occurredOn: '2025-13-01', timezone: 'Nowhere' } })
      .thenThrows(InvalidInput);
    expect((err as InvalidInput).problems).toHaveLength(2);
  });

  it('an amendment keeps only the real changes, and may remove optional fields with null', () => {
    spec
      .given([recorded])
      .when({
        type: 'AmendDiplomaticEvent',
        eventId,
        expectedVersion: 1,
        changes: { title: 'Talks open', summary: 'More', timezone: null },
        reason: 'detail',
      })
      .then([
        { type: 'DiplomaticEventAmended', data: { eventId, version: 2, changes: { summary: 'More', timezone: null }, reason: 'detail' } },
      ]);
  });

  it('an amendment must change something and leave a valid event', () => {
    spec
      .given([recorded])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 1, changes: { title: 'Talks open' }, reason: 'r' })
      .thenThrows(InvalidInput, /changes nothing/);
    spec
      .given([recorded])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 1, changes: { datePrecision: 'span' }, reason: 'r' })
      .thenThrows(InvalidInput, /occurredUntil is required/);
    spec
      .given([recorded])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 1, changes: { kind: null }, reason: 'r' })
      .thenThrows(InvalidInput, /cannot be removed/);
  });

  it('versions are consecutive', () => {
    spec
      .given([recorded])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 2, changes: { summary: 'x' }, reason: 'r' })
      .thenThrows(StaleVersion);
  });

  it('a retracted event cannot be amended or retracted again', () => {
    spec
      .given([recorded, retracted])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 2, changes: { summary: 'x' }, reason: 'r' })
      .thenThrows(CommandRejected, /retracted/);
    spec
      .given([recorded, retracted])
      .when({ type: 'RetractDiplomaticEvent', eventId, expectedVersion: 2, reason: 'r' })
      .thenThrows(CommandRejected);
  });

  it('unknown events are not found', () => {
    spec.given([]).when({ type: 'RetractDiplomaticEvent', eventId, expectedVersion: 1, reason: 'r' }).thenThrows(AggregateNotFound);
  });
});
