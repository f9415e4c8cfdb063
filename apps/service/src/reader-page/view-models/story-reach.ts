import { embedSnippet, oembedDiscovery } from '../../embeds/embed-snippet';
import type { LayoutAlternate } from '../templates/layout.template';

/** Where a story reaches readers beyond its page: its timeline, and the embed an article can frame. */
export interface StoryReach {
  readonly timelineHref: string;
  /** The copy-paste snippet: an iframe of the embed and the script that sizes it (docs/embeds.md). */
  readonly embedSnippet: string;
  /** The sites that may frame the embed (DATELINE_EMBED_ORIGINS); empty: none yet. */
  readonly embedOrigins: readonly string[];
  /** The page's oEmbed discovery link. */
  readonly alternates: readonly LayoutAlternate[];
}

export function storyReach(o: { origin: string; slug: string; headline: string; embedOrigins: readonly string[] }): StoryReach {
  return {
    timelineHref: `/stories/${o.slug}/timeline`,
    embedSnippet: embedSnippet(o),
    embedOrigins: o.embedOrigins,
    alternates: [oembedDiscovery(o.origin, o.slug, o.headline)],
  };
}
