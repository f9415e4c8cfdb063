import { describe, expect, it } from '@jest/globals';
import { provenanceWords, revisionTimeKey } from './provenance-words';

describe('provenanceWords', () => {
  const storyId = '3f1c1f7e-9a55-4a57-9d0f-5c0a2e1e4c11';
  const p = { storyId, revision: 3, paragraph: 4, start: 10, end: 40 };

  it('says the day the revision was published and the paragraph', () => {
    expect(provenanceWords(p, new Map([[revisionTimeKey(storyId, 3), '2025-05-16T14:50:00.000Z']]))).toBe(
      'From the story of 16 May 2025, paragraph 4',
    );
  });

  it('names the revision when the day is not known, and nothing for a fact without provenance', () => {
    expect(provenanceWords(p, new Map())).toBe('From revision 3 of the story, paragraph 4');
    expect(provenanceWords(undefined, new Map())).toBeUndefined();
  });
});
