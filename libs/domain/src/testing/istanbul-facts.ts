import { DayFact } from '../dates/day-sections';
import { RelatedFact } from '../dates/fact-relations';

/**
 * Facts from the sample story (The Kyiv Independent, "Ukraine and Russia hold first direct peace
 * talks since 2022 in Istanbul", Kateryna Hodunova, 16 May 2025), dated the v2 way, for the
 * date specs. Ids are readable stand-ins, not UUIDs; the order of the list is the recording order.
 */
export const talks = 'talks';
export const welcome = 'welcome-speech';
export const officials = 'officials-meet';
export const yermak = 'yermak-statement';
export const ceasefireCall = 'ceasefire-call';
export const anton = 'anton-meets-medinsky';
export const umerov = 'umerov-meets-advisers';
export const trumpOptimism = 'trump-optimism';
export const trumpDownplays = 'trump-downplays';
export const talks2022 = 'talks-2022';

const ISTANBUL = 'Europe/Istanbul';
const onMay16 = { precision: 'day', on: '2025-05-16', timezone: ISTANBUL } as const;
const byMay16 = { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' } as const;

export const istanbulFacts: readonly (DayFact & RelatedFact)[] = [
  { id: talks, name: 'Ukraine and Russia open talks', when: { ...onMay16, certainty: 'explicit', wording: 'on May 16' }, relations: [] },
  { id: welcome, name: 'Turkish hosts to give a welcoming speech', when: { ...onMay16, certainty: 'inferred' }, relations: [] },
  {
    id: officials,
    name: 'Turkish, U.S. and Ukrainian officials meet',
    when: { ...onMay16, certainty: 'inferred', wording: 'earlier in the day' },
    relations: [{ relation: 'before', fact: talks }],
  },
  {
    id: yermak,
    name: 'Yermak rejects the link to 2022',
    when: { ...onMay16, certainty: 'inferred', wording: 'after the meeting started' },
    relations: [{ relation: 'after', fact: talks }],
  },
  {
    id: ceasefireCall,
    name: 'Kyiv and allies urge an unconditional ceasefire',
    when: byMay16,
    about: [{ label: 'unconditional ceasefire proposed to start', date: { precision: 'day', on: '2025-05-12', certainty: 'explicit' } }],
    relations: [],
  },
  {
    id: anton,
    name: 'Anton meets Medinsky',
    when: { ...byMay16, wording: 'before the negotiations' },
    relations: [{ relation: 'before', fact: talks }],
  },
  {
    id: umerov,
    name: 'Umerov meets European security advisers and Kellogg',
    when: { ...onMay16, certainty: 'inferred', wording: 'earlier in the day' },
    relations: [{ relation: 'before', fact: talks }],
  },
  {
    id: trumpOptimism,
    name: 'Trump voices optimism',
    when: { ...byMay16, wording: 'initially' },
    about: [{ label: 'Trump might attend', date: { precision: 'day', on: '2025-05-16', certainty: 'explicit' } }],
    relations: [],
  },
  {
    id: trumpDownplays,
    name: 'Trump downplays the talks',
    when: { ...byMay16, wording: 'later' },
    relations: [{ relation: 'after', fact: trumpOptimism }],
  },
  { id: talks2022, name: 'The 2022 talks in Istanbul', when: { precision: 'year', on: '2022', certainty: 'explicit' }, relations: [] },
];
