import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '../testing/decider-specification';
import { AggregateNotFound, CommandRejected, InvalidInput, StaleVersion } from '../errors/domain-errors';
import { StoryCreated, StoryEvent } from './story.events';
import { evolveStory, initialStoryState, storyDecider } from './story.decider';

const id = '3f1c1f7e-9a55-4a57-9d0f-5c0a2e1e4c11';
const spec = DeciderSpecification.for(storyDecider);
const created: StoryCreated = {
  type: 'StoryCreated',
  data: {
    storyId: id,
    slug: 'geneva-summit',
    headline: 'Leaders meet',
    body: 'Body one.',
    editorsNote: 'Developing.',
    developing: true,
    tags: ['geneva'],
    revision: 1,
  },
};

describe('story decider', () => {
  it('creates revision 1 with defaults and de-duplicated tags', () => {
    spec
      .given([])
      .when({ type: 'CreateStory', storyId: id, slug: 'geneva-summit', headline: 'Leaders meet', body: 'Body one.', tags: ['a', 'a', 'b'] })
      .then([
        {
          type: 'StoryCreated',
          data: {
            storyId: id,
            slug: 'geneva-summit',
            headline: 'Leaders meet',
            body: 'Body one.',
            developing: false,
            tags: ['a', 'b'],
            revision: 1,
          },
        },
      ]);
  });

  it('refuses to create a story twice, and bad slugs', () => {
    spec.given([created]).when({ type: 'CreateStory', storyId: id, slug: 'x', headline: 'h', body: 'b' }).thenThrows(CommandRejected);
    spec.given([]).when({ type: 'CreateStory', storyId: id, slug: 'Bad Slug', headline: 'h', body: 'b' }).thenThrows(InvalidInput, /slug/);
  });

  it('a revision carries only what changed, with the next revision number', () => {
    spec
      .given([created])
      .when({
        type: 'ReviseStory',
        storyId: id,
        expectedRevision: 1,
        headline: 'Leaders meet',
        body: 'Body two.',
        changeNote: 'more',
        kind: 'update',
      })
      .then([{ type: 'StoryRevised', data: { storyId: id, revision: 2, kind: 'update', changeNote: 'more', body: 'Body two.' } }]);
  });

  it('a revision must change something', () => {
    spec
      .given([created])
      .when({ type: 'ReviseStory', storyId: id, expectedRevision: 1, headline: 'Leaders meet', developing: true, changeNote: 'none' })
      .thenThrows(InvalidInput, /changes nothing/);
  });

  it('revisions are consecutive: a stale revision is a conflict with the current one', () => {
    const err = spec
      .given([created])
      .when({ type: 'ReviseStory', storyId: id, expectedRevision: 3, body: 'x', changeNote: 'n' })
      .thenThrows(StaleVersion);
    expect(err).toMatchObject({ currentVersion: 1, expectedVersion: 3 });
  });

  it('revising an unknown story is not found', () => {
    spec
      .given([])
      .when({ type: 'ReviseStory', storyId: id, expectedRevision: 0, body: 'x', changeNote: 'n' })
      .thenThrows(AggregateNotFound);
  });

  it('an empty editorsNote removes the note', () => {
    const [revised] = storyDecider.decide(
      { type: 'ReviseStory', storyId: id, expectedRevision: 1, editorsNote: '', changeNote: 'Story settled' },
      evolveStory(initialStoryState, created),
    );
    const state = ([created, revised] as StoryEvent[]).reduce(evolveStory, initialStoryState);
    expect(state.editorsNote).toBeUndefined();
    expect(state.revision).toBe(2);
  });
});
