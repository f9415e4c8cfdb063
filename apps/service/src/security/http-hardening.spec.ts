import { describe, expect, it } from '@jest/globals';
import helmet from 'helmet';
import { securityHeaders } from './http-hardening';

describe('securityHeaders', () => {
  it("is the list of headers helmet's middleware sets, taken once", () => {
    const headers = securityHeaders(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } }));
    expect(headers['Content-Security-Policy']).toMatch(/^default-src 'self'/);
    expect(headers).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'SAMEORIGIN' });
    expect(Object.keys(headers)).not.toContain('X-Powered-By');
  });

  it('throws what the middleware reports instead of answering without its headers', () => {
    const failing = ((_req: unknown, _res: unknown, next: (err?: unknown) => void) => next(new Error('bad directive'))) as ReturnType<
      typeof helmet
    >;
    expect(() => securityHeaders(failing)).toThrow('bad directive');
  });
});
