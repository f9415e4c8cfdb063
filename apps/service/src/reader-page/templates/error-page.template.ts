import { html, SafeHtml } from '../html';
import { layout } from './layout.template';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

/** A reader page's error, as a page: the status, and each problem in words. */
export function renderErrorPage(status: number, messages: readonly string[], m: Messages = messagesFor()): SafeHtml {
  const titles = m.error.titles;
  const title = status === 400 || status === 404 || status === 503 ? titles[status] : titles.other;
  return layout(
    { title, messages: m },
    html`<h1>${title}</h1>
<p>${m.error.status(status)}</p>
${messages.length > 0 ? html`<ul id="problems">${messages.map((m) => html`<li>${m}</li>`)}</ul>` : ''}
<p><a href="/">${m.error.back}</a></p>`,
  );
}
