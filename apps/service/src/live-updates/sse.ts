/**
 * Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * one `field: value` per line, a blank line ends the event. Data with line breaks becomes
 * several `data:` lines, which the browser joins again with "\n".
 */
export function sseEvent(e: { id?: string | number; event?: string; data: string; retry?: number }): string {
  let frame = '';
  if (e.id !== undefined) frame += `id: ${oneLine(String(e.id))}\n`;
  if (e.event !== undefined) frame += `event: ${oneLine(e.event)}\n`;
  if (e.retry !== undefined) frame += `retry: ${Math.max(0, Math.floor(e.retry))}\n`;
  for (const line of e.data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
  return `${frame}\n`;
}

/** A comment line: ignored by clients, keeps proxies from closing an idle stream. */
export function sseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

/**
 * Where a client resumes: the `Last-Event-ID` a reconnecting EventSource sends (our ids are log
 * positions), else `since` from the query (the position the page was rendered at).
 * Undefined when neither is given; an error message for anything that is not a position.
 */
export function resumePosition(
  lastEventId: string | string[] | undefined,
  since: string | undefined,
): { position?: number; error?: string } {
  const header = Array.isArray(lastEventId) ? lastEventId[0] : lastEventId;
  if (header !== undefined && header.trim() !== '') {
    return /^\d{1,15}$/.test(header.trim())
      ? { position: Number(header.trim()) }
      : { error: 'Last-Event-ID must be a log position (a non-negative integer)' };
  }
  if (since !== undefined && since !== '') {
    return /^\d{1,15}$/.test(since) ? { position: Number(since) } : { error: 'since must be a log position (a non-negative integer)' };
  }
  return {};
}
