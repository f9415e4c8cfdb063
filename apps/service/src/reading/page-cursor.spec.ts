import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { nextLink, PageCursors } from './page-cursor';

const cursors = new PageCursors(Buffer.alloc(32, 7));
const query = ['timeline-day', '2025-05-16', null, null, null, null, null, null];

/** The messages of the 400 a decode throws. */
function refusal(decode: () => unknown): string {
  try {
    decode();
  } catch (err) {
    if (err instanceof BadRequestException) return ((err.getResponse() as { message: string[] }).message ?? []).join(' ');
    throw err;
  }
  throw new Error('the cursor was accepted');
}

describe('page cursors', () => {
  it('give back the position and key they were made with, for the same query', () => {
    const cursor = cursors.encode({ at: 4711, after: ['2025-05-16|0|', '0000|a b'] }, query);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(cursors.decode(cursor, query)).toEqual({ at: 4711, after: ['2025-05-16|0|', '0000|a b'] });
  });

  it('refuse a cursor whose body was changed, naming cursor', () => {
    const cursor = cursors.encode({ at: 4711, after: [3] }, query);
    const [body, mac] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), p: 1 })).toString('base64url');
    expect(refusal(() => cursors.decode(`${forged}.${mac}`, query))).toMatch(/^cursor has been altered/);
  });

  it('refuse a cursor made with another key, or for another query', () => {
    const other = new PageCursors(Buffer.alloc(32, 8)).encode({ at: 1, after: [1] }, query);
    expect(refusal(() => cursors.decode(other, query))).toMatch(/^cursor has been altered/);
    const cursor = cursors.encode({ at: 1, after: [1] }, query);
    expect(refusal(() => cursors.decode(cursor, ['timeline-day', '2025-05-17', null, null, null, null, null, null]))).toMatch(
      /^cursor belongs to another query/,
    );
  });

  it('refuse what is not a cursor at all', () => {
    for (const bad of ['', 'abc', 'a.b.c', `${'x'.repeat(3000)}.y`])
      expect(refusal(() => cursors.decode(bad, query))).toMatch(/^cursor (is not a cursor|has been altered)/);
  });

  it('make the Link of the next page from the request, its other parameters kept', () => {
    expect(nextLink('/timeline/2025-05-16?limit=2&cursor=old&tz=Europe%2FKyiv', 'new.c')).toBe(
      '</timeline/2025-05-16?limit=2&cursor=new.c&tz=Europe%2FKyiv>; rel="next"',
    );
    expect(nextLink('/timeline/2025-05-16', 'n.c')).toBe('</timeline/2025-05-16?cursor=n.c>; rel="next"');
  });
});
