import { AggregateNotFound, CommandRejected, InvalidInput, StaleVersion } from '../errors/domain-errors';
import { expectedVersionProblem } from '../values/expected-version';
import { nullProblems, textProblems } from '../values/nested-values';
import { Problems } from '../values/problems';
import { checkDiplomaticEventFields, DiplomaticEventFields, withDefaults } from './diplomatic-event-fields';
import { AmendDiplomaticEvent, DiplomaticEventCommand, RecordDiplomaticEvent, RetractDiplomaticEvent } from './diplomatic-event.commands';
import { AmendmentChanges, DiplomaticEventEvent, V1DateChanges } from './diplomatic-event.events';
import { publishedAtProblems } from '../dates/editorial-time';
import { factDateFromV1 } from '../dates/v1-date-mapping';
import { v1DatesOf } from '../dates/v1-date-view';
import { FactProvenance, provenanceProblems } from '../fact-review/fact-provenance';

export type DiplomaticEventStatus = 'absent' | 'active' | 'retracted';

export interface DiplomaticEventState {
  readonly status: DiplomaticEventStatus;
  readonly eventId: string;
  readonly fields?: DiplomaticEventFields;
  /** Stream version: 1 after recording, one more per amendment or retraction. */
  readonly version: number;
}

export const initialDiplomaticEventState: DiplomaticEventState = { status: 'absent', eventId: '', version: 0 };

const REQUIRED: readonly (keyof DiplomaticEventFields)[] = ['title', 'kind', 'when', 'status'];
/** Lists are always present, perhaps empty: `[]` empties one, null is refused (it once meant `[]`). */
const LISTS: readonly (keyof DiplomaticEventFields)[] = ['relations', 'about', 'participants', 'sources', 'quotes', 'storyIds'];

export function decideDiplomaticEvent(command: DiplomaticEventCommand, state: DiplomaticEventState): DiplomaticEventEvent[] {
  switch (command.type) {
    case 'RecordDiplomaticEvent':
      return [record(command, state)];
    case 'AmendDiplomaticEvent':
      return [amend(command, state)];
    case 'RetractDiplomaticEvent':
      return [retract(command, state)];
  }
}

function record(c: RecordDiplomaticEvent, state: DiplomaticEventState): DiplomaticEventEvent {
  if (state.status !== 'absent') throw new CommandRejected(`diplomatic event ${c.eventId} already exists`, state.version);
  const { publishedAt, ...input } = c.fields;
  const fields = withDefaults(input);
  checkPublishedAt(publishedAt);
  checkDiplomaticEventFields(fields);
  checkNotSelfRelated(c.eventId, fields);
  if (c.provenance !== undefined) checkProvenance(c.provenance, fields);
  return {
    type: 'DiplomaticEventRecorded',
    data: {
      eventId: c.eventId,
      ...fields,
      relations: lowerCaseFacts(fields.relations),
      storyIds: lowerCase(fields.storyIds),
      ...(publishedAt !== undefined ? { publishedAt } : {}),
      ...(c.provenance !== undefined ? { provenance: { ...c.provenance, storyId: c.provenance.storyId.toLowerCase() } } : {}),
    },
  };
}

/** A fact comes from a story it belongs to: the provenance's story is one of its storyIds. */
function checkProvenance(provenance: FactProvenance, fields: DiplomaticEventFields): void {
  const problems = provenanceProblems(provenance);
  const story = typeof provenance.storyId === 'string' ? provenance.storyId.toLowerCase() : '';
  if (!fields.storyIds.some((id) => typeof id === 'string' && id.toLowerCase() === story))
    problems.push(`provenance.storyId ${JSON.stringify(provenance.storyId)} must be one of storyIds`);
  if (problems.length > 0) throw new InvalidInput(problems);
}

function requireActive(eventId: string, expectedVersion: number, state: DiplomaticEventState, verb: string): DiplomaticEventFields {
  const versionProblem = expectedVersionProblem('expectedVersion', expectedVersion);
  if (versionProblem) throw new InvalidInput([versionProblem]);
  if (state.status === 'absent' || !state.fields) throw new AggregateNotFound('diplomatic event', eventId);
  if (expectedVersion !== state.version) throw new StaleVersion(expectedVersion, state.version);
  if (state.status === 'retracted')
    throw new CommandRejected(`diplomatic event ${eventId} is retracted and cannot be ${verb}`, state.version);
  return state.fields;
}

function amend(c: AmendDiplomaticEvent, state: DiplomaticEventState): DiplomaticEventEvent {
  const current = requireActive(c.eventId, c.expectedVersion, state, 'amended');
  const p = new Problems();
  checkReason(c.reason, p);
  for (const key of REQUIRED) if (c.changes[key] === null) p.add(`changes.${key} cannot be removed`);
  for (const key of LISTS) if (c.changes[key] === null) p.add(`changes.${key} cannot be null: send [] for an empty list`);
  // At the top level null removes an optional field; inside a value it means nothing.
  for (const [key, value] of Object.entries(c.changes))
    if (value !== null) for (const problem of nullProblems(value, `changes.${key}`)) p.add(problem);
  for (const problem of publishedAtProblems(c.publishedAt)) p.add(problem);
  // Only stored v1 amendments carry v1Dates (the upcaster makes them); an editor sends `when`.
  if ('v1Dates' in c.changes) p.add('changes.v1Dates is not a field: send changes.when, the whole date');
  p.throwIfAny();

  const changes: AmendmentChanges = {
    ...c.changes,
    ...(Array.isArray(c.changes.storyIds) ? { storyIds: lowerCase(c.changes.storyIds) } : {}),
    ...(Array.isArray(c.changes.relations) ? { relations: lowerCaseFacts(c.changes.relations) } : {}),
  };
  // Keep only the changes that change something: an amendment must change something.
  const effective: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const before = (current as unknown as Record<string, unknown>)[key];
    const removesNothing = value === null && before === undefined;
    if (!removesNothing && JSON.stringify(value) !== JSON.stringify(before)) effective[key] = value;
  }
  if (Object.keys(effective).length === 0)
    throw new InvalidInput([`amendment changes nothing: every field in changes is as in version ${state.version}`]);

  const next = applyChanges(current, effective);
  checkDiplomaticEventFields(next);
  checkNotSelfRelated(c.eventId, next);
  return {
    type: 'DiplomaticEventAmended',
    data: {
      eventId: c.eventId,
      version: state.version + 1,
      changes: effective,
      reason: c.reason,
      ...(c.publishedAt !== undefined ? { publishedAt: c.publishedAt } : {}),
    },
  };
}

function retract(c: RetractDiplomaticEvent, state: DiplomaticEventState): DiplomaticEventEvent {
  requireActive(c.eventId, c.expectedVersion, state, 'retracted again');
  const p = new Problems();
  checkReason(c.reason, p);
  p.throwIfAny();
  return { type: 'DiplomaticEventRetracted', data: { eventId: c.eventId, version: state.version + 1, reason: c.reason } };
}

function checkReason(reason: string, p: Problems): void {
  p.check(typeof reason === 'string' && reason.trim().length > 0, 'reason must not be empty');
  for (const problem of textProblems(reason, 'reason')) p.add(problem);
}

function checkPublishedAt(publishedAt: unknown): void {
  const problems = publishedAtProblems(publishedAt);
  if (problems.length > 0) throw new InvalidInput(problems);
}

/** A fact cannot be ordered against itself; the relations to other facts are checked against the story (checkStoryRelations). */
function checkNotSelfRelated(eventId: string, f: DiplomaticEventFields): void {
  const self = f.relations.findIndex((r) => typeof r.fact === 'string' && r.fact.toLowerCase() === eventId.toLowerCase());
  if (self >= 0)
    throw new InvalidInput([`relations.${self}.fact is this fact itself: a fact cannot be ${f.relations[self].relation} itself`]);
}

function lowerCaseFacts(relations: DiplomaticEventFields['relations']): DiplomaticEventFields['relations'] {
  return relations.map((r) => (typeof r.fact === 'string' ? { ...r, fact: r.fact.toLowerCase() } : r));
}

/** UUIDs in lower case, as stream names and the read models have them; non-strings were refused before. */
function lowerCase(ids: readonly string[]): string[] {
  return ids.map((id) => (typeof id === 'string' ? id.toLowerCase() : id));
}

/** Merges an amendment into the fields: `null` removes an optional field, a list replaces the list. */
export function applyChanges(fields: DiplomaticEventFields, changes: AmendmentChanges): DiplomaticEventFields {
  const { v1Dates, ...rest } = changes;
  const next: Record<string, unknown> = { ...fields, ...(v1Dates ? { when: applyV1DateChanges(fields.when, v1Dates) } : {}) };
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if (value === null) {
      if (LISTS.includes(key as keyof DiplomaticEventFields)) next[key] = [];
      else delete next[key];
    } else next[key] = value;
  }
  return next as unknown as DiplomaticEventFields;
}

/** A v1 amendment's date field changes, applied to the date as it stood, in v1 terms and back. */
function applyV1DateChanges(when: DiplomaticEventFields['when'], changes: V1DateChanges): DiplomaticEventFields['when'] {
  const v1: Record<string, unknown> = { ...v1DatesOf(when) };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete v1[key];
    else if (value !== undefined) v1[key] = value;
  }
  return factDateFromV1(v1 as unknown as Parameters<typeof factDateFromV1>[0]);
}

export function evolveDiplomaticEvent(state: DiplomaticEventState, event: DiplomaticEventEvent): DiplomaticEventState {
  switch (event.type) {
    case 'DiplomaticEventRecorded': {
      // The provenance stays with the fields (the read models show it); no amendment changes it.
      const { eventId, publishedAt: _published, ...fields } = event.data;
      return { status: 'active', eventId, fields, version: 1 };
    }
    case 'DiplomaticEventAmended':
      return { ...state, fields: applyChanges(state.fields!, event.data.changes), version: event.data.version };
    case 'DiplomaticEventRetracted':
      return { ...state, status: 'retracted', version: event.data.version };
  }
}

export const diplomaticEventDecider = {
  decide: decideDiplomaticEvent,
  evolve: evolveDiplomaticEvent,
  initialState: initialDiplomaticEventState,
};
