import { describe, expect, it } from '@jest/globals';
import { prefersHtml } from './content-negotiation';

describe('prefersHtml', () => {
  it('browsers get the page', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8')).toBe(true);
    expect(prefersHtml('text/html')).toBe(true);
    expect(prefersHtml('application/json;q=0.5, text/html')).toBe(true);
  });

  it('API clients keep JSON: no Accept, */*, JSON first, or HTML ranked lower', () => {
    expect(prefersHtml(undefined)).toBe(false);
    expect(prefersHtml('')).toBe(false);
    expect(prefersHtml('*/*')).toBe(false);
    expect(prefersHtml('application/json')).toBe(false);
    expect(prefersHtml('application/json, text/html;q=0.9')).toBe(false);
    expect(prefersHtml('text/html;q=0, */*')).toBe(false);
    expect(prefersHtml('text/*;q=0.9, application/json')).toBe(false);
  });

  it('ignores malformed ranges', () => {
    expect(prefersHtml('garbage, text/html;q=abc')).toBe(false);
    expect(prefersHtml('garbage, text/html')).toBe(true);
  });
});
