import { describe, expect, it } from '@jest/globals';
import { factFields } from '@dateline/domain/testing/fact-fields';
import type { FactCandidateView } from '@dateline/projections';
import { markedText } from './fact-candidates.template';

const BODY = 'Talks opened in Geneva on 3 March. Chile turned the proposal down.';

function candidate(id: string, start: number, end: number): FactCandidateView {
  return {
    id,
    revision: 1,
    evidence: { revision: 1, paragraph: 1, start, end, text: BODY.slice(start, end), sentence: { start, end } },
    proposed: (({ storyIds: _stories, ...fields }) => fields)(
      factFields({ title: id, kind: 'talks', when: { precision: 'day', on: '2025-03-03', certainty: 'explicit' } }),
    ),
    confidence: 0.5,
    flags: [],
    review: { state: 'open' },
  };
}

describe('markedText', () => {
  it('marks each span once, escapes the text around it, and says where each candidate links', () => {
    const opened = candidate('fc-a', 0, 33);
    const within = candidate('fc-b', 15, 21);
    const turned = candidate('fc-c', 35, 66);
    const { text, targets } = markedText(`${BODY}`, [turned, within, opened]);
    expect(text.value).toBe(
      '<mark id="evidence-fc-a" tabindex="-1">Talks opened in Geneva on 3 March</mark>. <mark id="evidence-fc-c" tabindex="-1">Chile turned the proposal down.</mark>',
    );
    // A span inside another has no mark of its own: its link goes to the one it lies in.
    expect(Object.fromEntries(targets)).toEqual({ 'fc-a': 'evidence-fc-a', 'fc-b': 'evidence-fc-a', 'fc-c': 'evidence-fc-c' });
  });

  it('leaves a retraction (an empty span) unmarked, and escapes markup in the text', () => {
    const { text, targets } = markedText('a <b> c', [candidate('fc-r', 2, 2)]);
    expect(text.value).toBe('a &lt;b&gt; c');
    expect(targets.size).toBe(0);
  });
});
