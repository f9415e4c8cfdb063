import { html, SafeHtml, trusted } from '../../reader-page/html';
import { READER_CSS } from '../../reader-page/templates/styles';
import type { SignedIn } from '../desk-session';
import { DESK_CSS } from './desk-styles';

export interface DeskLayout {
  readonly title: string;
  /** The signed-in editor, and the CSRF token the sign-out form needs. */
  readonly editor?: SignedIn;
  readonly csrf?: string;
  readonly current?: 'stories' | 'new' | 'operations';
  /** A draft key whose saved text the script forgets: the page after a successful save. */
  readonly clearDraft?: string;
}

/**
 * The desk's page shell: the reader page's landmarks and stylesheet, the editor's name and a
 * sign-out button (a POST form: a link could be followed cross-site). The desk script only adds
 * drafts that survive a reload; every page works without it.
 */
/** What a page passes through to the layout, besides its title: who is signed in and so on. */
export type DeskPage = Omit<DeskLayout, 'title'>;

export function deskLayout(o: DeskLayout, main: SafeHtml): SafeHtml {
  const isAdmin = o.editor?.roles.includes('admin') ?? false;
  const link = (href: string, label: string, key: DeskLayout['current']) =>
    html`<li><a href="${href}"${o.current === key ? trusted(' aria-current="page"') : ''}>${label}</a></li>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · Dateline desk</title>
<link rel="icon" href="data:,">
<style>${trusted(READER_CSS)}${trusted(DESK_CSS)}</style>
<script src="/desk/assets/desk.js" defer></script>
</head>
<body${o.clearDraft ? html` data-clear-draft="${o.clearDraft}"` : ''}>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<p class="brand"><a href="/desk">Dateline desk</a></p>
${
  o.editor
    ? html`<nav class="site" aria-label="Desk"><ul>
${link('/desk/stories', 'Stories', 'stories')}
${link('/desk/stories/new', 'New story', 'new')}
${isAdmin ? link('/desk/operations', 'Operations', 'operations') : ''}
<li><a href="/">Reader page</a></li>
</ul></nav>
<div class="desk-user"><span>Signed in as <strong>${o.editor.name}</strong></span>
<form method="post" action="/desk/sign-out"><input type="hidden" name="_csrf" value="${o.csrf}"><button type="submit" class="link-button">Sign out</button></form></div>`
    : html`<nav class="site" aria-label="Desk"><ul><li><a href="/">Reader page</a></li></ul></nav>`
}
</div></header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site"><div class="wrap">
<p>The editor desk writes through the same commands as the HTTP API: every save is an event signed with your name.</p>
</div></footer>
</body>
</html>
`;
}
