import { html, SafeHtml } from '../html';
import { layout } from './layout.template';

const TITLES: Record<number, string> = {
  400: 'This address asks for something we cannot show',
  404: 'Not found',
  503: 'Please try again shortly',
};

/** A reader page's error, as a page: the status, and each problem in words. */
export function renderErrorPage(status: number, messages: readonly string[]): SafeHtml {
  const title = TITLES[status] ?? 'Something went wrong';
  return layout(
    { title },
    html`<h1>${title}</h1>
<p>Error ${status}.</p>
${messages.length > 0 ? html`<ul id="problems">${messages.map((m) => html`<li>${m}</li>`)}</ul>` : ''}
<p><a href="/">Back to the timeline</a></p>`,
  );
}
