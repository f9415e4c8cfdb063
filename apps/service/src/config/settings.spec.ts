import { describe, expect, it } from '@jest/globals';
import { loadSettings } from './settings';

describe('settings: EVENTSTORE_URL', () => {
  it('is unset by default (the event store stays in PostgreSQL or PGlite)', () => {
    expect(loadSettings({}).eventStoreUrl).toBeUndefined();
    expect(loadSettings({ EVENTSTORE_URL: '' }).eventStoreUrl).toBeUndefined();
  });

  it('takes single-node and cluster connection strings', () => {
    expect(loadSettings({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }).eventStoreUrl).toBe('esdb://localhost:2113?tls=false');
    expect(loadSettings({ EVENTSTORE_URL: 'esdb+discover://a:2113,b:2113,c:2113' }).eventStoreUrl).toBe(
      'esdb+discover://a:2113,b:2113,c:2113',
    );
  });

  it('refuses anything else rather than quietly using another store', () => {
    expect(() => loadSettings({ EVENTSTORE_URL: 'http://localhost:2113' })).toThrow(/EVENTSTORE_URL/);
    expect(() => loadSettings({ EVENTSTORE_URL: 'postgres://localhost/dateline' })).toThrow(/EVENTSTORE_URL/);
  });

  it('keeps DATABASE_URL for the read models next to it', () => {
    const s = loadSettings({
      EVENTSTORE_URL: 'esdb://kurrentdb:2113?tls=false',
      DATABASE_URL: 'postgres://postgres@postgres:5432/dateline',
    });
    expect(s).toMatchObject({
      eventStoreUrl: 'esdb://kurrentdb:2113?tls=false',
      databaseUrl: 'postgres://postgres@postgres:5432/dateline',
    });
  });
});

describe('settings: live-stream limits and request deadlines', () => {
  it('have defaults', () => {
    expect(loadSettings({})).toMatchObject({
      sseMaxStreams: 1000,
      sseBufferBytes: 262_144,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
      maxReadsInFlight: 128,
    });
  });

  it('take integers in range', () => {
    const s = loadSettings({
      DATELINE_SSE_MAX_STREAMS: '5',
      DATELINE_SSE_BUFFER_BYTES: '65536',
      DATELINE_REQUEST_TIMEOUT_MS: '2000',
      DATELINE_HEADERS_TIMEOUT_MS: '2000',
      DATELINE_KEEP_ALIVE_TIMEOUT_MS: '500',
      DATELINE_MAX_READS_IN_FLIGHT: '0',
    });
    expect(s).toMatchObject({
      sseMaxStreams: 5,
      sseBufferBytes: 65_536,
      requestTimeoutMs: 2000,
      headersTimeoutMs: 2000,
      keepAliveTimeoutMs: 500,
      maxReadsInFlight: 0,
    });
  });

  it('refuse, naming the variable, what is not an integer or out of range', () => {
    expect(() => loadSettings({ DATELINE_SSE_MAX_STREAMS: '0' })).toThrow(/DATELINE_SSE_MAX_STREAMS: expected an integer from 1 to/);
    expect(() => loadSettings({ DATELINE_SSE_BUFFER_BYTES: '64k' })).toThrow(/DATELINE_SSE_BUFFER_BYTES/);
    expect(() => loadSettings({ DATELINE_REQUEST_TIMEOUT_MS: '1.5' })).toThrow(/DATELINE_REQUEST_TIMEOUT_MS/);
    expect(() => loadSettings({ DATELINE_KEEP_ALIVE_TIMEOUT_MS: '-1' })).toThrow(/DATELINE_KEEP_ALIVE_TIMEOUT_MS/);
    expect(() => loadSettings({ DATELINE_MAX_READS_IN_FLIGHT: '100k' })).toThrow(
      /DATELINE_MAX_READS_IN_FLIGHT: expected an integer from 0 to/,
    );
  });

  it('refuse a headers deadline past the whole request deadline', () => {
    expect(() => loadSettings({ DATELINE_REQUEST_TIMEOUT_MS: '1000', DATELINE_HEADERS_TIMEOUT_MS: '5000' })).toThrow(
      /DATELINE_HEADERS_TIMEOUT_MS \(5000\) must not exceed DATELINE_REQUEST_TIMEOUT_MS \(1000\)/,
    );
  });
});

describe('settings: DATELINE_SAMPLE and DATELINE_LOG_FORMAT', () => {
  it('loads the Istanbul sample unless told none, and chooses the log format by terminal unless told', () => {
    expect(loadSettings({})).toMatchObject({ sample: 'istanbul', logFormat: undefined });
    expect(loadSettings({ DATELINE_SAMPLE: 'none', DATELINE_LOG_FORMAT: 'json' })).toMatchObject({ sample: 'none', logFormat: 'json' });
    expect(loadSettings({ DATELINE_SAMPLE: '', DATELINE_LOG_FORMAT: 'pretty' })).toMatchObject({ sample: 'istanbul', logFormat: 'pretty' });
  });

  it('refuses other words, naming the variable and what it takes', () => {
    expect(() => loadSettings({ DATELINE_SAMPLE: 'off' })).toThrow('DATELINE_SAMPLE: expected istanbul or none, got "off"');
    expect(() => loadSettings({ DATELINE_LOG_FORMAT: 'text' })).toThrow('DATELINE_LOG_FORMAT: expected json or pretty, got "text"');
  });
});

describe('settings: every numeric variable is parsed and range-checked once', () => {
  it('have defaults', () => {
    expect(loadSettings({})).toMatchObject({
      port: 3000,
      bodyLimitBytes: 1_048_576,
      minPositionWaitMs: 5000,
      leaderRetryMs: 2000,
      writeRateLimit: 1200,
      readyMaxLagSeconds: 30,
      sseHeartbeatMs: 15_000,
      readCacheEntries: 1000,
      pgPoolMax: 20,
    });
  });

  it('take integers in range, including the documented 0s (any free port, no wait, no limit, cache off)', () => {
    const s = loadSettings({
      PORT: '0',
      DATELINE_BODY_LIMIT_BYTES: '2048',
      DATELINE_MIN_POSITION_WAIT_MS: '0',
      DATELINE_LEADER_RETRY_MS: '500',
      DATELINE_WRITE_RATE_LIMIT: '0',
      DATELINE_READY_MAX_LAG_SECONDS: '5',
      DATELINE_SSE_HEARTBEAT_MS: ' 100 ',
      DATELINE_READ_CACHE_ENTRIES: '0',
      DATELINE_PG_POOL_MAX: '10',
    });
    expect(s).toMatchObject({
      port: 0,
      bodyLimitBytes: 2048,
      minPositionWaitMs: 0,
      leaderRetryMs: 500,
      writeRateLimit: 0,
      readyMaxLagSeconds: 5,
      sseHeartbeatMs: 100,
      readCacheEntries: 0,
      pgPoolMax: 10,
    });
  });

  it.each([
    ['PORT', '3000x'],
    ['PORT', '65536'],
    ['DATELINE_BODY_LIMIT_BYTES', '1mb'],
    ['DATELINE_BODY_LIMIT_BYTES', '0'],
    ['DATELINE_MIN_POSITION_WAIT_MS', '-1'],
    ['DATELINE_LEADER_RETRY_MS', '2s'],
    ['DATELINE_WRITE_RATE_LIMIT', '1.5'],
    ['DATELINE_READY_MAX_LAG_SECONDS', '0'],
    ['DATELINE_SSE_HEARTBEAT_MS', 'Infinity'],
    ['DATELINE_READ_CACHE_ENTRIES', '0x10'],
    ['DATELINE_PG_POOL_MAX', '1e3'],
    ['DATELINE_PG_POOL_MAX', '0'],
  ])('refuses %s=%j, naming the variable, its range and the value', (name, value) => {
    expect(() => loadSettings({ [name]: value })).toThrow(`${name}: expected an integer from `);
    expect(() => loadSettings({ [name]: value })).toThrow(`got ${JSON.stringify(value)}`);
  });
});

describe('settings: HTTP caching and purges', () => {
  it('have defaults: a few seconds of caching, a day for settled answers, no purges', () => {
    expect(loadSettings({})).toMatchObject({
      httpMaxAgeSeconds: 5,
      httpStaleWhileRevalidateSeconds: 30,
      httpSettledMaxAgeSeconds: 86_400,
      purgeTimeoutMs: 2000,
    });
    expect(loadSettings({}).purgeUrl).toBeUndefined();
  });

  it('take a purge URL over http or https, and refuse anything else naming the variable', () => {
    expect(loadSettings({ DATELINE_PURGE_URL: 'http://127.0.0.1:8080/purge' }).purgeUrl).toBe('http://127.0.0.1:8080/purge');
    expect(() => loadSettings({ DATELINE_PURGE_URL: 'ftp://cdn/purge' })).toThrow(/DATELINE_PURGE_URL/);
    expect(() => loadSettings({ DATELINE_PURGE_URL: 'not a url' })).toThrow(/DATELINE_PURGE_URL/);
    expect(() => loadSettings({ DATELINE_HTTP_MAX_AGE_SECONDS: '5s' })).toThrow(/DATELINE_HTTP_MAX_AGE_SECONDS/);
  });
});

describe('settings: DATELINE_EMBED_ORIGINS', () => {
  it('is empty by default: no site may frame the embed', () => {
    expect(loadSettings({}).embedOrigins).toEqual([]);
  });

  it('takes origins, subdomain wildcards and `*` alone, each once, a trailing slash dropped', () => {
    expect(
      loadSettings({ DATELINE_EMBED_ORIGINS: ' https://news.example , http://localhost:8080/,https://*.example.org,https://news.example' })
        .embedOrigins,
    ).toEqual(['https://news.example', 'http://localhost:8080', 'https://*.example.org']);
    expect(loadSettings({ DATELINE_EMBED_ORIGINS: '*' }).embedOrigins).toEqual(['*']);
  });

  it('refuses, naming the entry, whatever is not an origin alone: it would go into a header as it is', () => {
    for (const [value, why] of [
      ['https://news.example/articles', /"https:\/\/news.example\/articles" is not an origin alone/],
      ["https://news.example; script-src 'unsafe-inline'", /is not an origin/],
      ["'self'", /is not an origin/],
      ['ftp://files.example', /is not an http:\/\/ or https:\/\/ origin/],
      ['https://News.Example', /is not an origin alone \(its origin is https:\/\/news.example\)/],
      ['https://news.example:443', /is not an origin alone/],
      ['https://a.*.example', /names no host/],
      ['*,https://news.example', /`\*` \(any site\) stands alone/],
    ] as const)
      expect(() => loadSettings({ DATELINE_EMBED_ORIGINS: value })).toThrow(new RegExp(`DATELINE_EMBED_ORIGINS: .*${why.source}`));
  });
});

describe('settings: DATELINE_PUBLIC_URL', () => {
  it("is the listener's address by default, a wildcard listener's on the loopback", () => {
    expect(loadSettings({}).publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadSettings({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
    expect(loadSettings({ HOST: '::1' }).publicUrl).toBe('http://[::1]:3000');
  });

  it('takes an http(s) origin, a trailing slash dropped, and refuses anything else naming the variable', () => {
    expect(loadSettings({ DATELINE_PUBLIC_URL: 'https://dateline.example.org/' }).publicUrl).toBe('https://dateline.example.org');
    expect(loadSettings({ DATELINE_PUBLIC_URL: 'http://localhost:8080' }).publicUrl).toBe('http://localhost:8080');
    expect(() => loadSettings({ DATELINE_PUBLIC_URL: 'https://dateline.example.org/news' })).toThrow(
      /DATELINE_PUBLIC_URL: "https:\/\/dateline.example.org\/news" is not an origin alone/,
    );
    expect(() => loadSettings({ DATELINE_PUBLIC_URL: 'dateline.example.org' })).toThrow(/DATELINE_PUBLIC_URL: .* is not a URL/);
    expect(() => loadSettings({ DATELINE_PUBLIC_URL: 'ftp://dateline.example.org' })).toThrow(/is not an http:\/\/ or https:\/\/ URL/);
  });
});
