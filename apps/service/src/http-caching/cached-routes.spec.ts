import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { answerVariant, answerVary } from './cached-routes';

/** The parts of a request the variant reads: its route, its query and its headers. */
const request = (url: string, headers: Record<string, string> = {}, query: Record<string, string> = {}) =>
  ({ routeOptions: { url }, headers, query }) as unknown as FastifyRequest;

const HTML = { accept: 'text/html' };

describe('answerVariant and answerVary', () => {
  it('key a page that speaks the catalogue by the language chosen, not by the header’s text', () => {
    expect(answerVariant(request('/'))).toBe('html en');
    // Two browsers that both end up with English share one cached page.
    expect(answerVariant(request('/', { 'accept-language': 'uk, en;q=0.5' }))).toBe('html en');
    expect(answerVariant(request('/stories/:id', HTML, { lang: 'en-GB' }))).toBe('html en');
    expect(answerVariant(request('/embed/stories/:id'))).toBe('html en');
  });

  it('leave JSON answers and other routes as they were', () => {
    expect(answerVariant(request('/stories/:id', { accept: 'application/json' }))).toBe('json');
    expect(answerVariant(request('/search', HTML))).toBe('html');
    expect(answerVariant(request('/timeline'))).toBe('');
  });

  it('say Accept-Language in Vary only where the answer speaks the catalogue', () => {
    expect(answerVary(request('/'))).toBe('Accept-Language');
    expect(answerVary(request('/stories/:id', HTML))).toBe('Accept, Accept-Language');
    expect(answerVary(request('/stories/:id'))).toBe('Accept');
    expect(answerVary(request('/stories/:id/timeline', HTML))).toBe('Accept, Accept-Language');
    expect(answerVary(request('/embed/stories/:id'))).toBe('Accept-Language');
    expect(answerVary(request('/search', HTML))).toBe('Accept');
    expect(answerVary(request('/timeline'))).toBeUndefined();
  });
});
