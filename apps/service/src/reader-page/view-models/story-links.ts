import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

/** Each story's slug and current headline by its id (lowercased): what a link to the story says. */
export type StoryNames = ReadonlyMap<string, { readonly slug: string; readonly headline: string }>;

export interface StoryLink {
  readonly href: string;
  /** The story's headline; for a story not looked up (a live entry), "Read the story" or "Story 2". */
  readonly title: string;
  /** The title is the story's headline (false: a stand-in, for a story not looked up). */
  readonly named: boolean;
}

/**
 * Links to every story an entry belongs to, in the order the entry names them (a fact may belong
 * to several stories; each reader came from one of them). By slug when the story is known.
 */
export function storyLinks(storyIds: readonly string[], names: StoryNames = new Map(), m: Messages = messagesFor()): StoryLink[] {
  return storyIds.map((id, i) => {
    const known = names.get(id.toLowerCase());
    if (known) return { href: `/stories/${known.slug}`, title: known.headline, named: true };
    return { href: `/stories/${id}`, title: storyIds.length === 1 ? m.entry.readStory : m.entry.storyN(i + 1), named: false };
  });
}
