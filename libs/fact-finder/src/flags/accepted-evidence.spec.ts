import { describe, expect, it } from '@jest/globals';
import type { AcceptedFact } from '../candidate';
import { acceptedSentences } from './accepted-evidence';

const previousText = 'Talks opened on 16 May. Russia has turned the proposal down.';
const sentences = [
  { start: 0, end: 23, text: 'Talks opened on 16 May.' },
  { start: 24, end: 60, text: 'Russia has turned the proposal down.' },
];
const when = { precision: 'day', on: '2025-05-16', certainty: 'explicit' } as const;

describe('the sentence an accepted fact rests on', () => {
  it('is found by its offsets in the previous text, or by its own words', () => {
    const accepted: AcceptedFact[] = [
      { id: 'a', title: 'Talks', when, participants: [], evidence: { revision: 1, start: 0, end: 12 } },
      {
        id: 'b',
        title: 'Rejection',
        when,
        participants: [],
        evidence: { revision: 1, start: 999, end: 1000, text: 'turned the proposal down' },
      },
      { id: 'c', title: 'No evidence', when, participants: [] },
    ];
    const found = acceptedSentences(accepted, sentences, previousText);
    expect([...found.entries()].map(([s, ids]) => [s.text, ids])).toEqual([
      ['Talks opened on 16 May.', ['a']],
      ['Russia has turned the proposal down.', ['b']],
    ]);
  });
});
