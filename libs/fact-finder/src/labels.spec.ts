import { describe, expect, it } from '@jest/globals';
import { candidates, candidateWith } from './testing/read';

describe('labels of about dates', () => {
  it('say what is to start, what is proposed or what was hinted', () => {
    const all = candidates(
      'Ukraine has called on Russia to accept a full, unconditional ceasefire from 12 May. Switzerland offered on Friday to host a follow-up meeting in Bern in April. Trump hinted that he could travel to them on 16 May.',
    );
    expect(candidateWith(all, 'called on Russia').proposed.about[0].label).toBe('proposed start of the full, unconditional ceasefire');
    expect(candidateWith(all, 'Switzerland offered').proposed.about[0].label).toBe('proposed: host a follow-up meeting in Bern');
    expect(candidateWith(all, 'Trump hinted').proposed.about[0].label).toBe('said: he could travel to them');
  });

  it('give a background fact a title of its own', () => {
    const all = candidates('Delegations met in Geneva on Thursday for their first direct talks since 2019.');
    expect(all.map((c) => c.proposed.title)).toContain('Earlier direct talks, in 2019');
  });
});
