import { describe, expect, it } from '@jest/globals';
import { isUuid } from '@dateline/domain';
import { acceptedFactId } from './accepted-fact-id';

describe('acceptedFactId', () => {
  const story = '3f1c1f7e-9a55-4a57-9d0f-5c0a2e1e4c11';

  it('is a version 5 UUID, the same for the same story and candidate whatever the case of the story id', () => {
    const id = acceptedFactId(story, 'fc-0123456789abcdef01234567');
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect('89ab').toContain(id[19]);
    expect(acceptedFactId(story.toUpperCase(), 'fc-0123456789abcdef01234567')).toBe(id);
  });

  it('differs for another candidate or another story', () => {
    const id = acceptedFactId(story, 'fc-0123456789abcdef01234567');
    expect(acceptedFactId(story, 'fc-0123456789abcdef01234568')).not.toBe(id);
    expect(acceptedFactId('9b2e8d0a-3c1b-4f6e-8a7d-2e5f1c0b9a88', 'fc-0123456789abcdef01234567')).not.toBe(id);
  });
});
