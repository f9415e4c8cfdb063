import { describe, expect, it } from '@jest/globals';
import { candidateId } from './candidate-id';

describe('candidate ids', () => {
  const sentence = 'Russia has turned the proposal down.';

  it('are the same for the same story and words, whatever the spacing or the typographic quotes', () => {
    expect(candidateId('s1', sentence, 'Russia has turned the proposal down')).toBe(
      candidateId('s1', ` Russia  has turned\nthe proposal down. `, 'Russia has turned the proposal down'),
    );
    expect(candidateId('s1', '“No,” he said.', 'he said')).toBe(candidateId('s1', '"No," he said.', 'he said'));
  });

  it('differ by story, by sentence and by the part of the sentence', () => {
    const id = candidateId('s1', sentence, sentence);
    expect(candidateId('s2', sentence, sentence)).not.toBe(id);
    expect(candidateId('s1', 'Russia has accepted the proposal.', sentence)).not.toBe(id);
    expect(candidateId('s1', sentence, 'Russia')).not.toBe(id);
    expect(id).toMatch(/^fc-[0-9a-f]{24}$/);
  });
});
