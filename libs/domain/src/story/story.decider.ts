import { AggregateNotFound, CommandRejected, InvalidInput, StaleVersion } from '../errors/domain-errors';
import { expectedVersionProblem } from '../values/expected-version';
import { nullProblems, textProblems } from '../values/nested-values';
import { Problems } from '../values/problems';
import { languageTagProblem } from '../values/language-tag';
import { publishedAtProblems } from '../dates/editorial-time';
import { CreateStory, ReviseStory, StoryCommand } from './story.commands';
import { STORY_SLUG } from './story-slug';
import { StoryCreated, StoryEvent, StoryRevised } from './story.events';

export interface StoryState {
  readonly exists: boolean;
  readonly storyId: string;
  readonly slug: string;
  readonly headline: string;
  readonly body: string;
  readonly editorsNote?: string;
  readonly developing: boolean;
  readonly byline?: string;
  readonly tags: readonly string[];
  readonly language?: string;
  /** Number of the current revision; 0 before the story exists. Equals the stream version. */
  readonly revision: number;
}

export const initialStoryState: StoryState = {
  exists: false,
  storyId: '',
  slug: '',
  headline: '',
  body: '',
  developing: false,
  tags: [],
  revision: 0,
};

export function decideStory(command: StoryCommand, state: StoryState): StoryEvent[] {
  switch (command.type) {
    case 'CreateStory':
      return [create(command, state)];
    case 'ReviseStory':
      return [revise(command, state)];
  }
}

/**
 * Nulls and texts the stores cannot hold, in every field of a command. Leaving an optional field
 * out says "none"; null says nothing more, and crashed the checks below.
 */
function inputProblems(c: StoryCommand): string[] {
  const { type: _type, ...fields } = c;
  const nulls = nullProblems(fields, '');
  return nulls.length > 0 ? nulls : textProblems(fields, '');
}

function create(c: CreateStory, state: StoryState): StoryCreated {
  if (state.exists) throw new CommandRejected(`story ${c.storyId} already exists`, state.revision);
  const input = inputProblems(c);
  if (input.length > 0) throw new InvalidInput(input);
  const p = new Problems();
  p.check(STORY_SLUG.test(c.slug), 'slug must be lowercase words joined by hyphens, e.g. istanbul-peace-talks');
  p.check(c.headline.trim().length > 0, 'headline must not be empty');
  p.check(c.body.trim().length > 0, 'body must not be empty');
  for (const problem of publishedAtProblems(c.publishedAt)) p.add(problem);
  const languageProblem = c.language !== undefined ? languageTagProblem('language', c.language) : undefined;
  if (languageProblem) p.add(languageProblem);
  p.throwIfAny();
  return {
    type: 'StoryCreated',
    data: {
      storyId: c.storyId,
      slug: c.slug,
      headline: c.headline,
      body: c.body,
      ...(c.editorsNote ? { editorsNote: c.editorsNote } : {}),
      developing: c.developing ?? false,
      ...(c.byline ? { byline: c.byline } : {}),
      tags: [...new Set(c.tags ?? [])],
      revision: 1,
      ...(c.publishedAt !== undefined ? { publishedAt: c.publishedAt } : {}),
      ...(c.language !== undefined ? { language: c.language } : {}),
    },
  };
}

function revise(c: ReviseStory, state: StoryState): StoryRevised {
  const versionProblem = expectedVersionProblem('expectedRevision', c.expectedRevision);
  if (versionProblem) throw new InvalidInput([versionProblem]);
  const input = inputProblems(c);
  if (input.length > 0) throw new InvalidInput(input);
  if (!state.exists) throw new AggregateNotFound('story', c.storyId);
  if (c.expectedRevision !== state.revision) throw new StaleVersion(c.expectedRevision, state.revision, 'story');
  const p = new Problems();
  p.check(c.changeNote.trim().length > 0, 'changeNote must not be empty');
  if (c.headline !== undefined) p.check(c.headline.trim().length > 0, 'headline must not be empty');
  if (c.body !== undefined) p.check(c.body.trim().length > 0, 'body must not be empty');
  for (const problem of publishedAtProblems(c.publishedAt)) p.add(problem);
  p.throwIfAny();

  // Only real changes go into the event: a revision must change something.
  const changes: { headline?: string; body?: string; editorsNote?: string; developing?: boolean } = {};
  if (c.headline !== undefined && c.headline !== state.headline) changes.headline = c.headline;
  if (c.body !== undefined && c.body !== state.body) changes.body = c.body;
  if (c.editorsNote !== undefined && c.editorsNote !== (state.editorsNote ?? '')) changes.editorsNote = c.editorsNote;
  if (c.developing !== undefined && c.developing !== state.developing) changes.developing = c.developing;
  if (Object.keys(changes).length === 0) {
    throw new InvalidInput([`revision changes nothing: headline, body, editorsNote and developing are as in revision ${state.revision}`]);
  }
  return {
    type: 'StoryRevised',
    data: {
      storyId: c.storyId,
      revision: state.revision + 1,
      kind: c.kind ?? 'update',
      changeNote: c.changeNote,
      ...changes,
      ...(c.publishedAt !== undefined ? { publishedAt: c.publishedAt } : {}),
    },
  };
}

export function evolveStory(state: StoryState, event: StoryEvent): StoryState {
  switch (event.type) {
    case 'StoryCreated': {
      const { revision, publishedAt: _published, ...rest } = event.data;
      return { ...initialStoryState, ...rest, exists: true, revision };
    }
    case 'StoryRevised': {
      const { storyId: _id, revision, kind: _k, changeNote: _n, editorsNote, publishedAt: _published, ...changes } = event.data;
      const next: StoryState = { ...state, ...changes, revision };
      if (editorsNote === undefined) return next;
      return { ...next, editorsNote: editorsNote === '' ? undefined : editorsNote };
    }
  }
}

export const storyDecider = { decide: decideStory, evolve: evolveStory, initialState: initialStoryState };
