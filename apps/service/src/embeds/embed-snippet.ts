import { escapeHtml } from '../reader-page/html';
import type { LayoutAlternate } from '../reader-page/templates/layout.template';
import { EMBED_HOST_SCRIPT_ROUTE } from './embed-frame-policy';

/** The embed's size before its script says its height: wide enough for a column, tall enough for a few entries. */
export const EMBED_SIZE = { width: 640, height: 600 };

export interface EmbedSnippetOptions {
  /** The service's origin (public-origin.ts). */
  readonly origin: string;
  readonly slug: string;
  readonly headline: string;
  readonly width?: number;
  readonly height?: number;
  /** The host's limit (oEmbed's maxheight): the host script sizes the frame no taller. */
  readonly maxHeight?: number;
}

/** The embed page of a story, as an absolute URL. */
export const embedUrl = (origin: string, slug: string): string => `${origin}/embed/stories/${encodeURIComponent(slug)}`;

/** The story page, as an absolute URL: what a consumer asks oEmbed about. */
export const storyUrl = (origin: string, slug: string): string => `${origin}/stories/${encodeURIComponent(slug)}`;

/**
 * What a newsroom pastes into its article (and what oEmbed answers as `html`): an iframe of the
 * embed, with a title for screen readers and a fixed size that works without script, and the
 * host script that then sizes it to its content. Attribute values are escaped: the headline is
 * an editor's text.
 */
export function embedSnippet(o: EmbedSnippetOptions): string {
  const width = o.width ?? EMBED_SIZE.width;
  const height = o.height ?? EMBED_SIZE.height;
  const attrs = [
    `src="${escapeHtml(embedUrl(o.origin, o.slug))}"`,
    `title="${escapeHtml(`Timeline: ${o.headline} (Dateline)`)}"`,
    `width="${width}"`,
    `height="${height}"`,
    `style="width:100%;max-width:${width}px;border:0"`,
    'loading="lazy"',
    'data-dateline-embed',
    ...(o.maxHeight !== undefined ? [`data-dateline-max-height="${o.maxHeight}"`] : []),
  ];
  return `<iframe ${attrs.join(' ')}></iframe>\n<script src="${escapeHtml(o.origin + EMBED_HOST_SCRIPT_ROUTE)}" async></script>`;
}

/** The oEmbed discovery link of a story (oEmbed 1.0, section 4): on the story's pages and its embed. */
export function oembedDiscovery(origin: string, slug: string, headline: string): LayoutAlternate {
  const query = new URLSearchParams({ url: storyUrl(origin, slug), format: 'json' }).toString();
  return { type: 'application/json+oembed', href: `${origin}/oembed?${query}`, title: headline };
}
