import { describe, expect, it } from '@jest/globals';
import { Token } from '../../grammar/token';
import { modalityBefore, statusOf } from './modality';

function tokens(words: string): Token[] {
  let at = 0;
  return words.split(' ').map((text, i) => {
    const t = { i, text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'X', start: at, end: at + text.length };
    at += text.length + 1;
    return t;
  });
}

function status(sentence: string, verb: string, planned = false, base = verb): string {
  const ts = tokens(sentence);
  const at = ts.findIndex((t) => t.text === verb);
  return statusOf(modalityBefore(ts, at, 0), planned, base);
}

describe('status from modality', () => {
  it('a plain past is an event that happened', () => {
    expect(status('Valdora rejected Geneva as a venue', 'rejected', false, 'reject')).toBe('happened');
  });

  it('"might", "would" and a plan are expected', () => {
    expect(status('Estmark might send a larger team', 'send')).toBe('expected');
    expect(status('Turkish officials would open it', 'open')).toBe('expected');
    expect(status('Okafor plans to present a draft', 'present', true)).toBe('expected');
  });

  it('"did not attend" did not happen', () => {
    expect(status('Dressler did not attend the talks', 'attend')).toBe('did-not-happen');
  });

  it('cancelled and postponed come from their verbs', () => {
    expect(status('The summit was cancelled', 'cancelled', false, 'cancel')).toBe('cancelled');
    expect(status('The round was postponed', 'postponed', false, 'postpone')).toBe('postponed');
  });
});
