import { RevisionKind } from './story.events';

export interface CreateStory {
  readonly type: 'CreateStory';
  readonly storyId: string;
  readonly slug: string;
  readonly headline: string;
  readonly body: string;
  readonly editorsNote?: string;
  readonly developing?: boolean;
  readonly byline?: string;
  readonly tags?: readonly string[];
  /** When the newsroom published this revision (editorial time), if the editor says. */
  readonly publishedAt?: string;
  /** The language the story is written in (BCP 47). */
  readonly language?: string;
}

export interface ReviseStory {
  readonly type: 'ReviseStory';
  readonly storyId: string;
  readonly expectedRevision: number;
  readonly changeNote: string;
  readonly kind?: RevisionKind;
  readonly headline?: string;
  readonly body?: string;
  readonly editorsNote?: string;
  readonly developing?: boolean;
  /** When the newsroom published this revision (editorial time), if the editor says. */
  readonly publishedAt?: string;
}

export type StoryCommand = CreateStory | ReviseStory;
