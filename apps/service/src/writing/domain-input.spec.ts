import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { RecordDiplomaticEventDto } from '../diplomatic-events/dto/diplomatic-event-fields.dto';
import { toDomainInput } from './domain-input';

/** The JSON round trip toDomainInput stands for: the result must never differ from it. */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null') as unknown;

describe('toDomainInput', () => {
  it('answers what the JSON round trip of a transformed request DTO answers: plain objects, absent fields gone', () => {
    const dto = plainToInstance(RecordDiplomaticEventDto, {
      title: 'Delegations open talks in Geneva',
      kind: 'talks',
      when: { precision: 'day', on: '2024-03-05', timezone: 'Europe/Zurich', certainty: 'explicit' },
      location: { name: 'Geneva', country: 'CH' },
      participants: [
        { name: 'Alpha delegation', country: 'FR' },
        { name: 'Jane Doe', role: 'Envoy' },
      ],
      sources: [{ attribution: 'named-source', name: 'Wire service' }],
      summary: null,
    });
    const input = toDomainInput(dto);
    expect(input).toStrictEqual(roundTrip(dto));
    // Class instances become plain objects, as the domain's inputs are.
    expect(Object.getPrototypeOf(input.location)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(input.participants![1])).toBe(Object.prototype);
  });

  it('treats what JSON cannot carry as the round trip does', () => {
    const odd = {
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Number.NaN, Infinity, -0, 'x'],
      when: new Date('2024-03-05T00:00:00Z'),
      nested: { deep: [{ a: 1, b: undefined }] },
      withToJson: { toJSON: () => 'custom' },
    };
    expect(toDomainInput(odd)).toStrictEqual(roundTrip(odd));
  });
});
