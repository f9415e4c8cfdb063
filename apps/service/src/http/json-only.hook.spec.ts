import { describe, expect, it } from '@jest/globals';
import { contentTypeProblem } from './json-only.hook';

describe('the Content-Type of a write', () => {
  it('is JSON, with no charset or UTF-8 in any usual spelling', () => {
    const taken = [
      'application/json',
      'Application/JSON',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'application/json; charset="utf-8"',
      'application/json; charset=utf8',
      'application/json ; x=y',
    ];
    expect(taken.map(contentTypeProblem)).toEqual(taken.map(() => undefined));
  });

  it('names a charset other than UTF-8', () => {
    expect(contentTypeProblem('application/json; charset=iso-8859-1')).toBe(
      'charset "iso-8859-1" is not supported: send the body as UTF-8 (application/json; charset=utf-8)',
    );
    expect(contentTypeProblem('application/json; charset="UTF-16LE"')).toMatch(/^charset "UTF-16LE" is not supported/);
  });

  it('says when the header is not JSON, or malformed', () => {
    expect(contentTypeProblem('text/plain')).toBe('send the body as application/json');
    expect(contentTypeProblem('application/jsonp')).toBe('send the body as application/json');
    expect(contentTypeProblem('application/json; charset=')).toMatch(/is malformed/);
    expect(contentTypeProblem('application/json; charset="utf-8')).toMatch(/is malformed/);
  });
});
