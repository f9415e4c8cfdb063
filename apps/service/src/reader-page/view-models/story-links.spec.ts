import { describe, expect, it } from '@jest/globals';
import { storyLinks } from './story-links';

describe('links to the stories of an entry', () => {
  const A = '11111111-1111-4111-8111-111111111111';
  const B = '22222222-2222-4222-8222-222222222222';

  it('names every story by its headline, by slug, in the order the entry gives', () => {
    const names = new Map([
      [A, { slug: 'talks', headline: 'Talks open' }],
      [B, { slug: 'envoys', headline: 'A week of envoys' }],
    ]);
    expect(storyLinks([B, A.toUpperCase()], names)).toEqual([
      { href: '/stories/envoys', title: 'A week of envoys', named: true },
      { href: '/stories/talks', title: 'Talks open', named: true },
    ]);
  });

  it('links a story not looked up by its id, with words that do not pretend to be its headline', () => {
    expect(storyLinks([A])).toEqual([{ href: `/stories/${A}`, title: 'Read the story', named: false }]);
    expect(storyLinks([A, B]).map((l) => l.title)).toEqual(['Story 1', 'Story 2']);
  });
});
