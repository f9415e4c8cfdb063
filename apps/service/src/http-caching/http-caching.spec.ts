import { describe, expect, it } from '@jest/globals';
import { cachePolicy, SETTLE_MARGIN_MS } from './cache-policy';
import { EtagsAtPosition, heldTag, strongEtag } from './etag';

const settings = { httpMaxAgeSeconds: 5, httpStaleWhileRevalidateSeconds: 30, httpSettledMaxAgeSeconds: 86_400 };
const cacheControl = cachePolicy(settings);
/** Whether If-None-Match names this one tag. */
const ifNoneMatchNames = (header: string | undefined, etag: string) => heldTag(header, [etag]) !== undefined;

describe('entity tags', () => {
  it('are strong, equal for equal parts and different when the position moves', () => {
    const tag = strongEtag(['t', '41', '/timeline/2025-05-16', '']);
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(strongEtag(['t', '41', '/timeline/2025-05-16', ''])).toBe(tag);
    expect(strongEtag(['t', '42', '/timeline/2025-05-16', ''])).not.toBe(tag);
    expect(strongEtag(['t', '41', '/stories/x', 'html'])).not.toBe(strongEtag(['t', '41', '/stories/x', 'json']));
  });

  it('are named by If-None-Match in a list, weak or strong, or by *', () => {
    const tag = '"abc"';
    expect(ifNoneMatchNames(undefined, tag)).toBe(false);
    expect(ifNoneMatchNames('"abc"', tag)).toBe(true);
    expect(ifNoneMatchNames('"x", W/"abc"', tag)).toBe(true);
    expect(ifNoneMatchNames('*', tag)).toBe(true);
    expect(ifNoneMatchNames('"abd"', tag)).toBe(false);
  });

  it("tell which of an answer's tags (plain, then gzip) If-None-Match names", () => {
    const tags = ['"abc"', '"abc-gzip"'];
    expect(heldTag('"abc-gzip"', tags)).toBe('"abc-gzip"');
    expect(heldTag('"abc"', tags)).toBe('"abc"');
    expect(heldTag('"x", W/"abc-gzip"', tags)).toBe('"abc-gzip"');
    expect(heldTag(['"x"', ' "abc"'], tags)).toBe('"abc"');
    expect(heldTag('*', tags)).toBe('"abc"');
    expect(heldTag('"abd"', tags)).toBeUndefined();
    expect(heldTag(undefined, tags)).toBeUndefined();
  });
});

describe('Cache-Control of public reads', () => {
  const now = Date.parse('2025-05-16T12:00:00Z');
  it('is short with stale-while-revalidate by default', () => {
    expect(cacheControl({}, now)).toBe('public, max-age=5, stale-while-revalidate=30');
  });

  it('is long for a page a cursor pins, and for asOf well before the read position', () => {
    expect(cacheControl({ cursor: 'a.b' }, undefined)).toBe('public, max-age=86400');
    expect(cacheControl({ asOf: '2025-05-16T11:00:00Z' }, now)).toBe('public, max-age=86400');
    expect(cacheControl({ asOf: '2025-05-16T11:00' }, now)).toBe('public, max-age=86400');
  });

  it('stays short for asOf near or after the read position, when that is unknown, and for asPublished', () => {
    const close = new Date(now - SETTLE_MARGIN_MS + 1000).toISOString();
    expect(cacheControl({ asOf: close }, now)).toMatch(/max-age=5,/);
    expect(cacheControl({ asOf: '2025-05-16T11:00:00Z' }, undefined)).toMatch(/max-age=5,/);
    expect(cacheControl({ asPublished: '2020-01-01T00:00:00Z' }, now)).toMatch(/max-age=5,/);
    expect(cacheControl({ asOf: 'garbage' }, now)).toMatch(/max-age=5,/);
  });
});

describe('the tags kept at one position', () => {
  it('are the tags strongEtag gives, and change when the position moves', () => {
    const tags = new EtagsAtPosition(2);
    const at41 = tags.tag('t', '41', ['/timeline/2025-05-16', '']);
    expect(at41).toBe(strongEtag(['t', '41', '/timeline/2025-05-16', '']));
    expect(tags.tag('t', '41', ['/timeline/2025-05-16', ''])).toBe(at41);
    expect(tags.tag('t', '42', ['/timeline/2025-05-16', ''])).toBe(strongEtag(['t', '42', '/timeline/2025-05-16', '']));
    expect(tags.tag('t', '42', ['/stories/x', 'html'])).not.toBe(tags.tag('t', '42', ['/stories/x', 'json']));
  });

  it('stay right past their bound', () => {
    const tags = new EtagsAtPosition(2);
    for (const url of ['/a', '/b', '/c', '/a']) expect(tags.tag('t', '7', [url, ''])).toBe(strongEtag(['t', '7', url, '']));
  });
});
