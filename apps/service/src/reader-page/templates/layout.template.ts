import type { FeedAnnouncement } from '../../feeds/feed-links';
import { html, jsonForScript, SafeHtml, trusted } from '../html';
import { MAX_SEARCH_LENGTH } from '@dateline/domain';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';
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
  /** The page's words and `<html lang>`; English when not given. */
  readonly messages?: Messages;
  /** The same page in each language the catalogue speaks (`hreflang`), this one included. */
  readonly languages?: readonly { readonly lang: string; readonly href: string }[];
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
  const m = o.messages ?? messagesFor();
  return html`<!doctype html>
<html lang="${m.lang}">
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
  )}${(o.languages ?? []).map(
    (l) => html`<link rel="alternate" hreflang="${l.lang}" href="${l.href}">
`,
  )}<style>${trusted(READER_CSS)}</style>
${o.jsonLd ? html`<script type="application/ld+json">${jsonForScript(o.jsonLd)}</script>` : ''}
${o.script ? html`<script src="/assets/reader.js" defer></script>` : ''}
</head>
<body>
<a class="skip" href="#main">${m.layout.skipToContent}</a>
<header class="site"><div class="wrap">
<p class="brand"><a href="/">Dateline</a></p>
<nav class="site" aria-label="${m.layout.mainNav}"><ul>
<li><a href="/"${o.current === 'timeline' ? trusted(' aria-current="page"') : ''}>${m.layout.timeline}</a></li>
<li><a href="/docs">${m.layout.api}</a></li>
</ul></nav>
${
  o.current === 'search'
    ? ''
    : html`<form class="site-search" role="search" method="get" action="/search" aria-label="${m.layout.searchForm}">
<label for="site-q">${m.layout.search}</label>
<input type="search" id="site-q" name="q" maxlength="${MAX_SEARCH_LENGTH}" required placeholder="${m.layout.searchPlaceholder}">
<button type="submit">${m.layout.search}</button>
</form>`
}
</div></header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site"><div class="wrap">
<p>${m.layout.about}</p>
<p>${m.layout.data} <a href="/docs">${m.layout.apiDescription}</a>.${
    o.feeds && o.feeds.length > 0
      ? html` ${m.layout.feeds} ${o.feeds.map((f, i) => html`${i > 0 ? ', ' : ''}<a href="${f.href}" type="${f.type}">${f.title}</a>`)}.`
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
