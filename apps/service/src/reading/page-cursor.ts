import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { BadRequestException } from '@nestjs/common';

/** What a cursor carries: the log position its pages are read at, and where the next page starts. */
export interface Cursor {
  readonly at: number;
  /** The last entry's key (`[sortKey, orderKey]` on the timeline, `[revision]`, `[version]`). */
  readonly after: readonly (string | number)[];
}

/** Bytes of MAC kept: 128 bits is plenty to make a forged cursor hopeless. */
const MAC_BYTES = 16;
/** A cursor longer than this is not one of ours: checked before any work. */
export const MAX_CURSOR_LENGTH = 2048;

const NOT_OURS = 'cursor is not a cursor of this service: pass the `next` of an earlier answer as it is, or leave cursor out';

/**
 * Page cursors: base64url JSON of the position, the last key and a digest of the query they
 * belong to, then a MAC, so that a changed cursor is a 400 and never reads another page than
 * the one handed out. The key comes from the service secret (serviceKey), which every instance
 * behind one load balancer shares, so a cursor from one instance works on the others.
 */
export class PageCursors {
  constructor(private readonly key: Buffer) {}

  /** The cursor of the page after `after`, for this query (`query`: what the answer depends on besides the page). */
  encode(cursor: Cursor, query: readonly unknown[]): string {
    const body = Buffer.from(JSON.stringify({ p: cursor.at, a: cursor.after, q: digest(query) })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The cursor given with this query; a 400 naming `cursor` when it is malformed, altered or another query's. */
  decode(text: string, query: readonly unknown[]): Cursor {
    const [body, mac, extra] = text.split('.');
    if (text.length > MAX_CURSOR_LENGTH || extra !== undefined || !body || !mac) throw new BadRequestException([NOT_OURS]);
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new BadRequestException([
        'cursor has been altered, or was issued by a service with another DATELINE_SESSION_SECRET: leave cursor out to start again',
      ]);
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw new BadRequestException([NOT_OURS]);
    }
    const { p, a, q } = (payload ?? {}) as { p?: unknown; a?: unknown; q?: unknown };
    if (!Number.isSafeInteger(p) || (p as number) < 0 || !Array.isArray(a) || a.some((k) => typeof k !== 'string' && typeof k !== 'number'))
      throw new BadRequestException([NOT_OURS]);
    if (q !== digest(query))
      throw new BadRequestException([
        'cursor belongs to another query (another day, range, story, filter or point in time): use it with the query it came with, or leave it out',
      ]);
    return { at: p as number, after: a as (string | number)[] };
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, MAC_BYTES).toString('base64url');
  }
}

/** A short digest of what an answer depends on besides its page. */
function digest(query: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(query)).digest().subarray(0, 9).toString('base64url');
}

/**
 * The `Link` header of the next page: the request's own path and query, with the cursor
 * replaced (RFC 8288). `url` is the request's, relative to the service.
 */
export function nextLink(url: string, cursor: string): string {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('cursor', cursor);
  return `<${path}?${params.toString()}>; rel="next"`;
}
