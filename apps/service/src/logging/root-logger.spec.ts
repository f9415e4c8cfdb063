import { describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { createRootLogger, requestLogFields } from './root-logger';

/** The lines a root logger writes, parsed. */
function capture(): { stream: Writable & { write(line: string): boolean }; lines: () => Record<string, unknown>[]; raw: () => string } {
  let raw = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      done();
    },
  });
  return {
    stream,
    raw: () => raw,
    lines: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('the root logger', () => {
  const request = {
    method: 'POST',
    url: '/diplomatic-events',
    host: 'dateline.example',
    ip: '203.0.113.7',
    socket: { remoteAddress: '203.0.113.7', remotePort: 51234 },
    headers: { authorization: 'Bearer secret-editor-token', cookie: 'dateline_desk=secret-session' },
  };

  it('logs a request by its method, URL, host and peer, and none of its headers', () => {
    const out = capture();
    createRootLogger({ level: 'info', stream: out.stream }).info({ req: request }, 'request completed');
    expect(out.lines()[0].req).toEqual({
      method: 'POST',
      url: '/diplomatic-events',
      host: 'dateline.example',
      remoteAddress: '203.0.113.7',
      remotePort: 51234,
    });
    expect(out.raw()).not.toContain('secret');
  });

  it('takes the peer from the socket of a raw request, which has no ip', () => {
    const { ip: _ip, host: _host, ...raw } = request;
    expect(requestLogFields(raw)).toMatchObject({ method: 'POST', remoteAddress: '203.0.113.7', remotePort: 51234 });
  });

  it('redacts the Authorization of a headers object logged by itself', () => {
    const out = capture();
    createRootLogger({ level: 'info', stream: out.stream }).warn({ headers: request.headers }, 'odd request');
    expect(out.raw()).not.toContain('secret-editor-token');
  });
});
