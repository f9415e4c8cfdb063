import { describe, expect, it } from '@jest/globals';
import { expectTypeOf } from 'expect-type';
import type {
  AboutDateEntry,
  AmendDiplomaticEvent,
  CreateStory,
  DiplomaticEventEntry,
  DiplomaticEventFields,
  RecordDiplomaticEvent,
  RetractDiplomaticEvent,
  ReviseStory,
  StoryRevisionEntry,
  StoryState,
} from '@dateline/domain';
import { AmendDiplomaticEventDto, RetractDiplomaticEventDto } from '../diplomatic-events/dto/amend-retract.dto';
import { RecordDiplomaticEventDto } from '../diplomatic-events/dto/diplomatic-event-fields.dto';
import {
  AboutDateEntryDto,
  DiplomaticEventEntryDto,
  DiplomaticEventFieldsDto,
  LinkedEventDto,
  StoryRevisionEntryDto,
  StoryTextDto,
} from '../reading/read-responses.dto';
import type { LinkedEvent } from '@dateline/projections';
import { CreateStoryDto } from '../stories/commands/create-story/create-story.dto';
import { ReviseStoryDto } from '../stories/commands/revise-story/revise-story.dto';
import { DomainShape, toDomainInput } from './domain-input';

/**
 * Each DTO is exactly the domain type it becomes or renders, field for field (issue 15): a
 * field added on one side only fails `npm run typecheck` here. The DTOs stay class-validator
 * classes for Nest; the domain types come from the catalogue's schemas.
 */
type Input<C, Made extends keyof C> = Omit<C, 'type' | Made>;
// Both sides go through DomainShape: the same fields, optional and readonly alike, compared
// without caring how a type was written (an intersection, Omit, a class).

describe('DTOs and the domain types they stand for', () => {
  it('each request DTO is the domain input it becomes', () => {
    expectTypeOf<DomainShape<CreateStoryDto>>().toEqualTypeOf<DomainShape<Input<CreateStory, 'storyId'>>>();
    expectTypeOf<DomainShape<ReviseStoryDto>>().toEqualTypeOf<DomainShape<Input<ReviseStory, 'storyId'>>>();
    expectTypeOf<DomainShape<RecordDiplomaticEventDto>>().toEqualTypeOf<DomainShape<RecordDiplomaticEvent['fields']>>();
    expectTypeOf<DomainShape<AmendDiplomaticEventDto>>().toEqualTypeOf<DomainShape<Input<AmendDiplomaticEvent, 'eventId'>>>();
    expectTypeOf<DomainShape<RetractDiplomaticEventDto>>().toEqualTypeOf<DomainShape<Input<RetractDiplomaticEvent, 'eventId'>>>();
  });

  it('each response DTO is the domain read type it renders', () => {
    expectTypeOf<DomainShape<DiplomaticEventFieldsDto>>().toEqualTypeOf<DomainShape<DiplomaticEventFields>>();
    expectTypeOf<DomainShape<DiplomaticEventEntryDto>>().toEqualTypeOf<DomainShape<DiplomaticEventEntry>>();
    expectTypeOf<DomainShape<AboutDateEntryDto>>().toEqualTypeOf<DomainShape<AboutDateEntry>>();
    expectTypeOf<DomainShape<StoryRevisionEntryDto>>().toEqualTypeOf<DomainShape<StoryRevisionEntry>>();
    expectTypeOf<DomainShape<LinkedEventDto>>().toEqualTypeOf<DomainShape<LinkedEvent>>();
    // A story's text as it reads: its state, under `id`.
    expectTypeOf<DomainShape<StoryTextDto>>().toEqualTypeOf<
      DomainShape<{ readonly id: string } & Omit<StoryState, 'exists' | 'storyId'>>
    >();
  });

  it('toDomainInput makes a plain object of a DTO, without the fields it lacks', () => {
    const dto = Object.assign(new RetractDiplomaticEventDto(), { expectedVersion: 2, reason: 'Duplicate' });
    const changes = Object.assign(new AmendDiplomaticEventDto(), { expectedVersion: 1, changes: { summary: null }, reason: 'r' });
    expect(Object.getPrototypeOf(toDomainInput(dto))).toBe(Object.prototype);
    expect(toDomainInput(dto)).toStrictEqual({ expectedVersion: 2, reason: 'Duplicate' });
    expect(toDomainInput(Object.assign(new CreateStoryDto(), { slug: 's', headline: 'h', body: 'b', tags: undefined }))).toStrictEqual({
      slug: 's',
      headline: 'h',
      body: 'b',
    });
    expect(toDomainInput(changes).changes).toStrictEqual({ summary: null });
  });
});
