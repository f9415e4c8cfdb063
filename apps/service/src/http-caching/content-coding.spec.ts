import { describe, expect, it } from '@jest/globals';
import { gzipEtag, takesGzip, varyWith } from './content-coding';

describe('content coding of public reads', () => {
  it('takes gzip when Accept-Encoding names it, or * and not gzip, and never when q=0 refuses it', () => {
    expect(takesGzip('gzip, deflate, br')).toBe(true);
    expect(takesGzip('GZIP')).toBe(true);
    expect(takesGzip('*')).toBe(true);
    expect(takesGzip(['br', 'gzip;q=0.5'])).toBe(true);
    expect(takesGzip(undefined)).toBe(false);
    expect(takesGzip('')).toBe(false);
    expect(takesGzip('identity')).toBe(false);
    expect(takesGzip('br')).toBe(false);
    expect(takesGzip('gzip;q=0')).toBe(false);
    expect(takesGzip('gzip;q=0, *')).toBe(false);
    expect(takesGzip('*;q=0')).toBe(false);
  });

  it('gives the gzip bytes a tag of their own, derived from the plain tag and stable', () => {
    expect(gzipEtag('"abc"')).toBe('"abc-gzip"');
    expect(gzipEtag(gzipEtag('"abc"'))).toBe('"abc-gzip"');
  });

  it('adds a name to Vary once, whatever its case, and leaves Vary: * alone', () => {
    expect(varyWith(undefined, 'Accept-Encoding')).toBe('Accept-Encoding');
    expect(varyWith('Accept, Accept-Language', 'Accept-Encoding')).toBe('Accept, Accept-Language, Accept-Encoding');
    expect(varyWith('Accept, accept-encoding', 'Accept-Encoding')).toBe('Accept, accept-encoding');
    expect(varyWith('*', 'Accept-Encoding')).toBe('*');
  });
});
