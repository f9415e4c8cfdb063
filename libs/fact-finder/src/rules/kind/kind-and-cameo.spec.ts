import { describe, expect, it } from '@jest/globals';
import { cameoCodeOf, kindAndCameo } from './kind-and-cameo';
import { VERB_LEXICON } from './verb-lexicon';

describe('kind and CAMEO code from the verb', () => {
  it("names every act by a phrase the codebook has (so each verb's code is the codebook's own)", () => {
    for (const [verb, sense] of Object.entries(VERB_LEXICON))
      if (sense.cameo) expect([verb, cameoCodeOf(sense.cameo)]).toEqual([verb, expect.stringMatching(/^\d{2,4}$/)]);
  });

  it('reads talks, meetings and visits', () => {
    expect(kindAndCameo('sit', 'Negotiators from Ukraine and Russia sat down in Istanbul')).toEqual({ kind: 'talks', cameo: '046' });
    expect(kindAndCameo('hold', 'Ukrainian, Turkish and U.S. officials held talks of their own')).toEqual({ kind: 'talks', cameo: '046' });
    expect(kindAndCameo('meet', 'Okafor met Reyne and Varga separately')).toEqual({ kind: 'meeting', cameo: '040' });
    expect(kindAndCameo('land', 'it landed in Dubai')).toEqual({ kind: 'other', cameo: '042' });
  });

  it('reads appeals, proposals, acceptances and rejections, refined by what they are about', () => {
    expect(kindAndCameo('ask', 'asked Putin to meet him in person')).toEqual({ kind: 'proposal', cameo: '026' });
    expect(kindAndCameo('call', 'have called on Russia to accept a full, unconditional ceasefire')).toEqual({
      kind: 'proposal',
      cameo: '0256',
    });
    expect(kindAndCameo('suggest', 'Moscow suggested holding talks in Turkey')).toEqual({ kind: 'proposal', cameo: '036' });
    expect(kindAndCameo('reject', 'Valdora initially rejected Geneva as a venue')).toEqual({ kind: 'rejection', cameo: '125' });
    expect(kindAndCameo('turn', 'Russia has turned the proposal down')).toEqual({ kind: 'rejection', cameo: '120' });
    expect(kindAndCameo('accept', 'Zelensky accepted')).toEqual({ kind: 'agreement', cameo: '036' });
  });

  it('reads accusations and the tone of statements', () => {
    expect(kindAndCameo('derail', 'Moscow was trying to derail the talks')).toEqual({ kind: 'accusation', cameo: '112' });
    expect(kindAndCameo('sound', 'Trump had at first sounded hopeful about the talks')).toEqual({ kind: 'statement', cameo: '013' });
    expect(kindAndCameo('lower', 'He later lowered expectations')).toEqual({ kind: 'statement', cameo: '012' });
    expect(kindAndCameo('deny', 'Estmark has denied the charge')).toEqual({ kind: 'statement', cameo: '016' });
  });

  it('knows no verb outside its lexicon', () => {
    expect(kindAndCameo('include', 'the U.S. side included Rubio')).toBeUndefined();
  });
});
