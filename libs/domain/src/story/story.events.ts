export type RevisionKind = 'update' | 'correction';

export interface StoryCreated {
  readonly type: 'StoryCreated';
  readonly data: {
    readonly storyId: string;
    readonly slug: string;
    readonly headline: string;
    readonly body: string;
    readonly editorsNote?: string;
    readonly developing: boolean;
    readonly byline?: string;
    readonly tags: readonly string[];
    readonly revision: 1;
  };
}

/** A new revision. Carries only what changed; the full text is a fold of the stream. */
export interface StoryRevised {
  readonly type: 'StoryRevised';
  readonly data: {
    readonly storyId: string;
    readonly revision: number;
    readonly kind: RevisionKind;
    readonly changeNote: string;
    readonly headline?: string;
    readonly body?: string;
    /** An empty string removes the note. */
    readonly editorsNote?: string;
    readonly developing?: boolean;
  };
}

export type StoryEvent = StoryCreated | StoryRevised;
