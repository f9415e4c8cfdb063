import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { withDefaults, type DiplomaticEventFields } from '@dateline/domain';
import { amendInput, fieldsOf, recordInput } from './fact-form';
import { factFormValues, factValuesOf } from './fact-form-values';
import { placeProblems, problemTargets, targetLabel } from './fact-problems';

const STORY = '6f1d3c1e-8a0b-4c53-9d63-0c1f5a9e7b21';
const OTHER_FACT = 'a3c1e0f2-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

const stored: DiplomaticEventFields = withDefaults({
  title: 'Delegations open talks in Istanbul',
  kind: 'talks',
  when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T10:30:00Z', timezone: 'Europe/Istanbul', certainty: 'explicit' },
  participants: [{ name: 'Ukraine', country: 'UA' }],
  quotes: [{ text: 'We are ready.', speaker: 'Umerov', speakerInferred: true, context: 'at the opening' }],
  sources: [{ attribution: 'named-source', name: 'Sky News', url: 'https://example.org/a', note: 'live blog' }],
  cameoCode: '046',
  storyIds: [STORY],
});

describe('the fact form: posted text to the API’s fields', () => {
  it('drops empty rows, numbers the rest from 0 as the API counts them, and keeps an empty row to fill', () => {
    const v = factFormValues({
      'participants.0.name': '',
      'participants.4.name': 'Russia',
      'participants.4.country': 'RU',
      'participants.7.name': 'Ukraine',
      'relations.0.relation': 'after',
      'relations.0.fact': '',
      'sources.0.attribution': '',
    });
    expect(v.participants).toEqual([
      { name: 'Russia', role: '', country: 'RU' },
      { name: 'Ukraine', role: '', country: '' },
    ]);
    expect(v.relations).toEqual([]);
    expect(v.blankRows).toMatchObject({ participants: 1, relations: 1, sources: 1 });
    expect(factFormValues({}, 'quotes').blankRows.quotes).toBe(2);
  });

  it('turns a local time in the place’s zone into the instant, leaves empty optional parts out, and reads a CAMEO code from the list’s words', () => {
    const v = factFormValues({
      title: ' Talks ',
      kind: 'talks',
      'when.precision': 'day',
      'when.on': '2025-05-16',
      'when.time': '13:30',
      'when.timezone': 'Europe/Istanbul',
      'when.certainty': 'explicit',
      'when.from': '  ',
      cameoCode: '046 Engage in negotiation',
      'location.name': '',
      'location.country': '',
    });
    const { fields, problems } = fieldsOf(v);
    expect(problems).toEqual({});
    expect(fields).toMatchObject({
      title: 'Talks',
      when: { precision: 'day', on: '2025-05-16', at: '2025-05-16T13:30:00+03:00', timezone: 'Europe/Istanbul', certainty: 'explicit' },
      cameoCode: '046',
      location: undefined,
      summary: undefined,
    });
    expect(fields.when).not.toHaveProperty('from');
  });

  it('a time needs the zone that says which instant it is (the desk’s own rule, named by its control)', () => {
    const v = factFormValues({ 'when.precision': 'day', 'when.on': '2025-05-16', 'when.time': '13:30' });
    expect(fieldsOf(v).problems['when.time']).toEqual([expect.stringMatching(/^when\.time needs when\.timezone/)]);
    expect(fieldsOf(factFormValues({ 'when.time': '1:30pm', 'when.timezone': 'UTC' })).problems['when.time']).toEqual([
      'when.time must be a local time HH:MM (24-hour), e.g. 14:30',
    ]);
  });

  it('checks with the API’s DTO: its messages, each by the control it names', async () => {
    const checked = await recordInput(
      factFormValues({
        title: '',
        kind: 'chat',
        'when.precision': 'bounded',
        'when.onOrBefore': 'soon',
        'participants.0.name': 'UA',
        'participants.0.country': 'ua',
      }),
      STORY,
    );
    expect('problems' in checked && checked.problems).toEqual({
      title: ['title should not be empty'],
      kind: [expect.stringMatching(/^kind must be one of the following values: talks/)],
      'when.onOrBefore': ['when.onOrBefore must be a date YYYY-MM-DD'],
      'participants.0.country': ['participants.0.country must be an ISO 3166-1 alpha-2 code such as UA'],
    });
  });

  it('an amendment sends only what changed against the version the form started from; emptied fields are removed', async () => {
    const unchanged = factValuesOf(stored, 3);
    const same = await amendInput({ ...unchanged, reason: 'Nothing' }, stored);
    // The stored instant at UTC and the form's local time in Istanbul are the same instant: no change.
    expect(same.changed).toEqual([]);
    const edited = { ...unchanged, summary: 'First talks since 2022.', cameoCode: '', reason: 'Context' };
    const amended = await amendInput(edited, stored);
    expect(amended.changed).toEqual(['summary', 'cameoCode']);
    expect('value' in amended && amended.value).toMatchObject({
      expectedVersion: 3,
      changes: { summary: 'First talks since 2022.', cameoCode: null },
      reason: 'Context',
    });
    // The source's link and note and the quote's context ride along unchanged: the form keeps every part.
    expect(amended.changed).not.toContain('sources');
    expect(amended.changed).not.toContain('quotes');
  });
});

describe('the fact form: where each problem goes', () => {
  const v = factFormValues({
    'relations.0.relation': 'before',
    'relations.0.fact': OTHER_FACT,
    'about.0.label': 'ceasefire start',
    'about.0.date.on': '2025-05-12',
  });
  const targets = problemTargets(v);

  it('by the path the message starts with, longest first; `at` is the local time; an amendment’s `changes.` prefix goes', () => {
    expect(
      placeProblems(
        [
          'when.onOrBefore must be a date YYYY-MM-DD',
          'when needs onOrAfter, onOrBefore or both',
          'changes.about.0.date.at 2025-05-13T01:00:00+03:00 falls on 2025-05-13, not on about.0.date.on 2025-05-12',
          'about.0.date.extra is not allowed with precision day',
          'storyIds names story x, which does not exist',
        ],
        targets,
        v.relations,
      ),
    ).toEqual({
      'when.onOrBefore': ['when.onOrBefore must be a date YYYY-MM-DD'],
      when: ['when needs onOrAfter, onOrBefore or both'],
      'about.0.date.time': ['changes.about.0.date.at 2025-05-13T01:00:00+03:00 falls on 2025-05-13, not on about.0.date.on 2025-05-12'],
      'about.0.date': ['about.0.date.extra is not allowed with precision day'],
      form: ['storyIds names story x, which does not exist'],
    });
  });

  it('a message about the order of facts goes to the relation that chose the fact it names', () => {
    const m = `"Talks" (x) is related to ${OTHER_FACT}, which is not one of the story's facts`;
    expect(placeProblems([m], targets, v.relations)).toEqual({ 'relations.0.fact': [m] });
  });

  it('names each place in the summary as the form labels it', () => {
    expect(targetLabel('when.onOrBefore')).toBe('When: on or before');
    expect(targetLabel('participants.1.country')).toBe('Participant 2: country');
    expect(targetLabel('about.0.date.time')).toBe('Date it is about 1: date, local time');
  });
});
