import { DomainError } from '../errors/domain-errors';

/** A story's slug: lowercase words joined by hyphens, e.g. istanbul-peace-talks-2025. */
export const STORY_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const STORY_SLUG_MAX_LENGTH = 120;

export function isStorySlug(value: string): boolean {
  return value.length <= STORY_SLUG_MAX_LENGTH && STORY_SLUG.test(value);
}

/**
 * The unique name a story takes in the event store with its creation (`AppendOptions.claims`):
 * a slug belongs to one story. docs/adr/0010-unique-slugs.md.
 */
export const storySlugClaim = (slug: string): string => `story-slug:${slug}`;

/** Another story has the slug already: the API answers 409 naming that story. */
export class SlugTaken extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly slug: string,
    readonly storyId: string,
  ) {
    super(`slug ${slug} already belongs to story ${storyId}: revise that story (POST /stories/${slug}/revisions) or choose another slug`);
  }
}
