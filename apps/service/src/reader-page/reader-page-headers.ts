import type { HeaderSink } from '../reading/consistency';
import { READER_PAGE_CSP } from './templates/layout.template';

/** The headers of every reader page: HTML, its Content-Security-Policy, no sniffing, same-origin referrers. */
export function readerPageHeaders(reply: HeaderSink): void {
  reply.header('Content-Type', 'text/html; charset=utf-8');
  reply.header('Content-Security-Policy', READER_PAGE_CSP);
  reply.header('X-Content-Type-Options', 'nosniff');
  reply.header('Referrer-Policy', 'same-origin');
}
