import Type, { type Static } from 'typebox';
import { closedObject, instant, nonEmptyText, oneOf, readonlyArray, text, uuid } from '../catalogue/schema-parts';

export const REVISION_KINDS = ['update', 'correction'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** The data of `StoryCreated`: revision 1 of a story, in full. */
export const StoryCreatedData = closedObject({
  storyId: uuid(),
  slug: text({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  headline: nonEmptyText(),
  body: nonEmptyText(),
  editorsNote: Type.Optional(text()),
  developing: Type.Boolean(),
  byline: Type.Optional(text()),
  tags: readonlyArray(text()),
  revision: Type.Literal(1),
  /** Editorial time: when the newsroom published revision 1 (issue 16); absent, it is the recorded time. */
  publishedAt: Type.Optional(instant()),
  /** The language the story is written in, a BCP 47 tag (issue 20); set with the story, as its slug and byline are. */
  language: Type.Optional(text({ minLength: 1 })),
});

/** The data of `StoryRevised`: only what changed; the full text is a fold of the stream. */
export const StoryRevisedData = closedObject({
  storyId: uuid(),
  revision: Type.Integer({ minimum: 2 }),
  kind: oneOf(REVISION_KINDS),
  changeNote: nonEmptyText(),
  headline: Type.Optional(nonEmptyText()),
  body: Type.Optional(nonEmptyText()),
  /** An empty string removes the note. */
  editorsNote: Type.Optional(text()),
  developing: Type.Optional(Type.Boolean()),
  /** Editorial time: when the newsroom published this revision; never before the revision before's. */
  publishedAt: Type.Optional(instant()),
});

export interface StoryCreated {
  readonly type: 'StoryCreated';
  readonly data: Static<typeof StoryCreatedData>;
}

export interface StoryRevised {
  readonly type: 'StoryRevised';
  readonly data: Static<typeof StoryRevisedData>;
}

export type StoryEvent = StoryCreated | StoryRevised;
