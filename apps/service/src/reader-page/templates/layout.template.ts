import type { FeedAnnouncement } from '../../feeds/feed-links';
import { html, jsonForScript, SafeHtml, trusted } from '../html';
import { MAX_SEARCH_LENGTH } from '@dateline/domain';
import { READER_CSS } from './styles';

export interface LayoutOptions {
  readonly title: string;
  readonly description?: string;
  readonly current?: 'timeline' | 'story' | 'search';
  readonly jsonLd?: unknown;
  /** Loads the page's small script (live updates); the page works without it. */
  readonly script?: boolean;
  /** Feeds of what the page shows: announced in the head for feed readers (autodiscovery), and linked in the footer. */
  readonly feeds?: readonly FeedAnnouncement[];
  /** Other `<link rel="alternate">`s in the head: other forms of the page, such as its oEmbed description. */
  readonly alternates?: readonly LayoutAlternate[];
}

/** Another form of the page (docs/embeds.md: the oEmbed discovery link). */
export interface LayoutAlternate {
  readonly type: string;
  readonly href: string;
  readonly title: string;
}

/**
 * The page shell: landmarks (header, nav, main, footer), a skip link, the inline stylesheet,
 * and JSON-LD when given. Every page is complete HTML that works without JavaScript.
 */
export function layout(o: LayoutOptions, main: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Dateline</title>
<link rel="icon" href="data:,">
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
${(o.feeds ?? []).map(
  (f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${f.href}">
`,
)}${(o.alternates ?? []).map(
    (a) => html`<link rel="alternate" type="${a.type}" href="${a.href}" title="${a.title}">
`,
  )}<style>${trusted(READER_CSS)}</style>
${o.jsonLd ? html`<script type="application/ld+json">${jsonForScript(o.jsonLd)}</script>` : ''}
${o.script ? html`<script src="/assets/reader.js" defer></script>` : ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<p class="brand"><a href="/">Dateline</a></p>
<nav class="site" aria-label="Main"><ul>
<li><a href="/"${o.current === 'timeline' ? trusted(' aria-current="page"') : ''}>Timeline</a></li>
<li><a href="/docs">API</a></li>
</ul></nav>
${
  o.current === 'search'
    ? ''
    : html`<form class="site-search" role="search" method="get" action="/search" aria-label="Search facts and stories">
<label for="site-q">Search</label>
<input type="search" id="site-q" name="q" maxlength="${MAX_SEARCH_LENGTH}" required placeholder="Words or names">
<button type="submit">Search</button>
</form>`
}
</div></header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site"><div class="wrap">
<p>Dateline keeps every story revision and every dated fact as an immutable event. Dates marked <em>(inferred)</em> are our reading of the report; “on or before”, “between” and “some time in” say how loosely the report dates a fact, and such a fact sits on the latest day it can have happened.</p>
<p>Data: <a href="/docs">HTTP API and OpenAPI description</a>.${
    o.feeds && o.feeds.length > 0
      ? html` Feeds: ${o.feeds.map((f, i) => html`${i > 0 ? ', ' : ''}<a href="${f.href}" type="${f.type}">${f.title}</a>`)}.`
      : ''
  }</p>
</div></footer>
</body>
</html>
`;
}

/** Content-Security-Policy for the reader pages: our own script only, no inline script, nothing from elsewhere. */
export const READER_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
