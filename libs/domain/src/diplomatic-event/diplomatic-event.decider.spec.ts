import { describe, expect, it } from '@jest/globals';
import { factFields } from '../testing/fact-fields';
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
    ...factFields({
      title: 'Talks open',
      kind: 'talks',
      when: { precision: 'day', on: '2024-03-05', timezone: 'Europe/Zurich', certainty: 'explicit' },
    }),
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
        fields: {
          title: 'Talks open',
          kind: 'talks',
          when: { precision: 'day', on: '2024-03-05', timezone: 'Europe/Zurich', certainty: 'explicit' },
        },
      })
      .then([recorded]);
  });

  const day = (over: object) => ({
    when: { precision: 'day', on: '2024-03-05', timezone: 'Europe/Zurich', certainty: 'explicit', ...over },
  });
  it.each([
    [day({ on: '2025-02-30' }), /when.on must be a real calendar date/],
    [day({ on: '2024-02-29', at: '2024-02-29T12:00:00Z' }), null],
    [day({ timezone: 'Europe/Atlantis' }), /when.timezone must be an IANA/],
    [day({ at: '2024-03-05T23:30:00Z' }), /falls on 2024-03-06 in Europe\/Zurich/],
    [{ when: { precision: 'day', on: '2024-03-05', at: '2024-03-05T23:30:00-05:00', certainty: 'explicit' } }, null],
    [{ when: { precision: 'period', from: '2024-03-05', until: '2024-03-04', certainty: 'explicit' } }, /when.until must not be before/],
    [
      { when: { precision: 'period', from: '2024-03-05', until: '2024-03-09', at: '2024-03-05T10:00:00+01:00', certainty: 'explicit' } },
      /when.at is not allowed with precision period/,
    ],
    [{ status: 'rumoured' }, /status must be one of/],
    [{ sources: [{ attribution: 'named-source' }] }, /sources.0.name is required when attribution is named-source/],
    [{ about: [{ label: '', date: { precision: 'month', on: '2025-13', certainty: 'explicit' } }] }, /about.0.label must not be empty/],
    [{ relations: [{ relation: 'before', fact: eventId }] }, /relations.0.fact is this fact itself/],
    [{ publishedAt: '16 May 2025' }, /publishedAt must be an RFC 3339 instant/],
    [{ cameoCode: '0000' }, /CAMEO/],
    [{ kind: 'party' }, /kind must be one of/],
  ])('checks the fields: %j', (over, problem) => {
    const when = spec.given([]).when({ type: 'RecordDiplomaticEvent', eventId, fields: { ...recorded.data, ...over } as never });
    if (problem) when.thenThrows(InvalidInput, problem);
    else
      expect(() =>
        diplomaticEventDecider.decide(
          { type: 'RecordDiplomaticEvent', eventId, fields: { ...recorded.data, ...over } as never },
          diplomaticEventDecider.initialState,
        ),
      ).not.toThrow();
  });

  it('names every problem at once', () => {
    const err = spec
      .given([])
      .when({
        type: 'RecordDiplomaticEvent',
        eventId,
        fields: { ...recorded.data, ...day({ on: '2025-13-01', timezone: 'Nowhere' }) } as never,
      })
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
        changes: { title: 'Talks open', summary: 'More', location: null, status: 'expected' },
        reason: 'detail',
        publishedAt: '2025-05-16T12:00:00Z',
      })
      .then([
        {
          type: 'DiplomaticEventAmended',
          data: {
            eventId,
            version: 2,
            changes: { summary: 'More', status: 'expected' },
            reason: 'detail',
            publishedAt: '2025-05-16T12:00:00Z',
          },
        },
      ]);
  });

  it('an amendment must change something and leave a valid event', () => {
    spec
      .given([recorded])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 1, changes: { title: 'Talks open' }, reason: 'r' })
      .thenThrows(InvalidInput, /changes nothing/);
    spec
      .given([recorded])
      .when({
        type: 'AmendDiplomaticEvent',
        eventId,
        expectedVersion: 1,
        changes: { when: { precision: 'bounded', certainty: 'inferred' } },
        reason: 'r',
      })
      .thenThrows(InvalidInput, /when needs onOrAfter, onOrBefore or both/);
    spec
      .given([recorded])
      .when({ type: 'AmendDiplomaticEvent', eventId, expectedVersion: 1, changes: { when: null }, reason: 'r' })
      .thenThrows(InvalidInput, /changes.when cannot be removed/);
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
