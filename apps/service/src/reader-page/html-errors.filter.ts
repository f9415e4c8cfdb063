import { ArgumentsHost, Catch } from '@nestjs/common';
import { ErrorsFilter } from '../http/errors.filter';
import { READER_PAGE_CSP } from './templates/layout.template';
import { renderErrorPage } from './templates/error-page.template';
import { LanguageRequest, requestMessages } from './messages/request-language';

interface Reply {
  status(code: number): Reply;
  header(name: string, value: string): Reply;
  send(body: unknown): unknown;
}

/** The reader pages' errors as pages: same statuses and messages as the API's, in HTML. */
@Catch()
export class HtmlErrorsFilter extends ErrorsFilter {
  override catch(err: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<Reply>();
    const [status, body] = this.describe(err);
    const message = body.message;
    const text = (m: unknown) => (typeof m === 'string' ? m : JSON.stringify(m));
    const messages = Array.isArray(message) ? message.map(text) : message !== undefined ? [text(message)] : [];
    reply
      .status(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Content-Security-Policy', READER_PAGE_CSP)
      .send(renderErrorPage(status, messages, requestMessages(host.switchToHttp().getRequest<LanguageRequest>())).value);
  }
}
