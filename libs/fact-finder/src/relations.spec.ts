import { describe, expect, it } from '@jest/globals';
import { candidates, candidateWith } from './testing/read';

describe('relations between candidates', () => {
  it('"initially … later": the later fact comes after the first, and after what the same actor did at first', () => {
    const all = candidates('Valdora initially rejected Geneva as a venue and proposed Vienna, but later accepted the Swiss offer.');
    const [rejected, proposed, accepted] = ['rejected Geneva', 'proposed Vienna', 'accepted the Swiss offer'].map((w) =>
      candidateWith(all, w),
    );
    expect(accepted.proposed.relations).toEqual([
      { relation: 'after', fact: proposed.id },
      { relation: 'after', fact: rejected.id },
    ]);
  });

  it('an answer comes after the proposal it answers, made by someone else', () => {
    const all = candidates('The meeting came about after Moscow suggested holding talks in Turkey. Zelensky accepted.');
    expect(candidateWith(all, 'Zelensky accepted').proposed.relations).toEqual([
      { relation: 'after', fact: candidateWith(all, 'Moscow suggested').id },
    ]);
  });

  it('a stated refusal answers only an invitation addressed to the one who refuses', () => {
    const all = candidates(
      'Zelensky asked Putin to meet him in person; Putin said he would not come. Rubio said he would not sit down with the Russians.',
    );
    expect(candidateWith(all, 'Putin said').proposed.relations).toEqual([
      { relation: 'after', fact: candidateWith(all, 'asked Putin').id },
    ]);
    expect(candidateWith(all, 'Rubio said').proposed.relations).toEqual([]);
  });

  it('a denial comes after the claim it denies', () => {
    const all = candidates('Valdora claims that Estmark shelled two villages on 9 March. Estmark has denied the charge.');
    expect(candidateWith(all, 'denied').proposed.relations).toEqual([{ relation: 'after', fact: candidateWith(all, 'shelled').id }]);
  });
});
