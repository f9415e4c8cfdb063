import { html, SafeHtml } from '../../reader-page/html';
import { deskLayout, type DeskPage } from './desk-layout.template';

const TITLES: Record<number, string> = {
  400: 'The desk cannot use what was sent',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Not possible any more',
  503: 'Please try again shortly',
};

/** A desk error as a page: the status, and each problem in the API's words. */
export function renderDeskError(page: DeskPage, status: number, messages: readonly string[]): SafeHtml {
  const title = TITLES[status] ?? 'Something went wrong';
  return deskLayout(
    { ...page, title },
    html`<h1>${title}</h1>
<p>Error ${status}. Nothing was changed.</p>
${messages.length > 0 ? html`<ul id="problems">${messages.map((m) => html`<li>${m}</li>`)}</ul>` : ''}
<p><a href="/desk/stories">Back to the stories</a></p>`,
  );
}
