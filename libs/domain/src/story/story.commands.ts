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
}

export type StoryCommand = CreateStory | ReviseStory;
