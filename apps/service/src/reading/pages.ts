import { ServiceUnavailableException } from '@nestjs/common';
import { ReadModelPositions } from '@dateline/projections';
import { readPosition, type HeaderSink } from './consistency';
import { Cursor } from './page-cursor';

/** The injection token of the service's PageCursors. */
export const PAGE_CURSORS = Symbol('PAGE_CURSORS');

/**
 * The log position a page is read at: the read models' position for a first page (after any
 * `minPosition` wait), the cursor's for the pages after it, so that every page of a list is read
 * at the first page's position. A cursor from an instance further ahead waits (bounded) until
 * this one's read models are there too; if they do not get there, a 503 to retry, never a page
 * that could skip entries.
 */
export async function pagePosition(
  positions: ReadModelPositions,
  readModels: readonly string[],
  q: { minPosition?: number },
  cursor: Cursor | undefined,
  waitMs: number,
  reply: HeaderSink,
): Promise<number> {
  const position = await readPosition(positions, readModels, q.minPosition, waitMs, reply);
  if (!cursor || position >= cursor.at) return cursor?.at ?? position;
  if (await positions.waitFor(readModels, cursor.at, waitMs)) return cursor.at;
  reply.header('Retry-After', '1');
  throw new ServiceUnavailableException(
    `the read models have not reached the cursor's position ${cursor.at} yet (they are at ${await positions.position(readModels)}): retry shortly`,
  );
}

/** A JSON object as text, from members whose values are JSON text already; undefined values are left out. */
export function jsonObject(members: readonly (readonly [string, string | undefined])[]): string {
  return `{${members.flatMap(([k, v]) => (v === undefined ? [] : [`${JSON.stringify(k)}:${v}`])).join(',')}}`;
}

/** Sends a JSON text as it is (entries ready to send are not parsed to be written again). */
export function asJson(reply: HeaderSink, text: string): string {
  reply.header('Content-Type', 'application/json; charset=utf-8');
  return text;
}
