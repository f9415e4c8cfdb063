import { describe, expect, it } from '@jest/globals';
import { resumePosition, sseComment, sseEvent } from './sse';

describe('SSE framing', () => {
  it('an event is id, event and data lines, ended by a blank line', () => {
    expect(sseEvent({ id: 42, event: 'entry', data: '{"a":1}' })).toBe('id: 42\nevent: entry\ndata: {"a":1}\n\n');
  });

  it('data with line breaks becomes several data lines; ids and names cannot break a frame', () => {
    expect(sseEvent({ data: 'one\ntwo\r\nthree' })).toBe('data: one\ndata: two\ndata: three\n\n');
    expect(sseEvent({ id: '1\n\ndata: x', event: 'a\nb', data: '' })).toBe('id: 1 data: x\nevent: a b\ndata: \n\n');
    expect(sseComment('heart\nbeat')).toBe(': heart beat\n\n');
  });

  it('resumes from Last-Event-ID first, then since, and refuses anything but a position', () => {
    expect(resumePosition('17', '3')).toEqual({ position: 17 });
    expect(resumePosition(undefined, '3')).toEqual({ position: 3 });
    expect(resumePosition(undefined, undefined)).toEqual({});
    expect(resumePosition('abc', undefined).error).toMatch(/Last-Event-ID/);
    expect(resumePosition(undefined, '-1').error).toMatch(/since/);
  });
});
