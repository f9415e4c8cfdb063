import { describe, expect, it } from '@jest/globals';
import { Bindings, matchJson, matchTextStart, parsePattern, shBlocks, substitutePlaceholders } from './support/readme-examples';

describe("the README's answer notation", () => {
  it('cuts a block into whole commands (multi-line bodies, continuations) with their answers', () => {
    const md = [
      '```sh',
      'TOKEN=$(cat x)',
      "curl -s localhost:3000/a -d '{",
      '  "x": 1 }\'',
      '# -> 409 {"a":1}',
      '# prose',
      'curl -s localhost:3000/b \\',
      '  -H y',
      '```',
    ].join('\n');
    const [block] = shBlocks(md);
    expect(block.examples.map((e) => e.command)).toEqual([
      'TOKEN=$(cat x)',
      'curl -s localhost:3000/a -d \'{\n  "x": 1 }\'',
      'curl -s localhost:3000/b \\\n  -H y',
    ]);
    expect(block.examples[1].expected).toMatchObject({ status: 409, json: { a: 1 } });
    expect(block.examples[2].expected).toBeUndefined();
  });

  it('binds placeholders, and a placeholder met again must hold the same value (but <position> moves on)', () => {
    const b: Bindings = new Map();
    expect(matchJson(parsePattern('{"id":"<story>","position":<position>}'), { id: 's1', position: 5 }, b)).toBeUndefined();
    expect(b.get('story')).toBe('s1');
    expect(matchJson(parsePattern('{"id":"<story>","position":<position>}'), { id: 's1', position: 9 }, b)).toBeUndefined();
    expect(b.get('position')).toBe('9');
    expect(matchJson(parsePattern('{"id":"<story>",...}'), { id: 's2', x: 1 }, b)).toMatch(/<story> was s1|expected "<story>"/);
    expect(substitutePlaceholders('curl /stories/<story>?minPosition=<position>', b)).toBe('curl /stories/s1?minPosition=9');
    expect(() => substitutePlaceholders('curl /x/<event>', b)).toThrow(/<event>/);
  });

  it('without ..., an object has exactly the members shown and an array exactly the elements', () => {
    const b: Bindings = new Map();
    expect(matchJson(parsePattern('{"a":1}'), { a: 1, b: 2 }, b)).toMatch(/members the README does not show: b/);
    expect(matchJson(parsePattern('{"a":1,...}'), { a: 1, b: 2 }, b)).toBeUndefined();
    expect(matchJson(parsePattern('[1,2]'), [1, 2, 3], b)).toMatch(/more element/);
    expect(
      matchJson(parsePattern('[...,{"id":"<event>",...},...]'), [{ id: 'x' }, { id: 'e1', v: 1 }], new Map([['event', 'e1']])),
    ).toBeUndefined();
    expect(matchJson(parsePattern('[...,{"id":"<event>",...},...]'), [{ id: 'x' }], new Map([['event', 'e1']]))).toBeDefined();
  });

  it('... inside a string is any text; other angle brackets are literal', () => {
    const b: Bindings = new Map([['sample', 'S']]);
    expect(matchJson(parsePattern('{"m":"story <sample>: revise ... or not"}'), { m: 'story S: revise it now or not' }, b)).toBeUndefined();
    expect(matchJson(parsePattern('{"m":"story <sample>: revise ... or not"}'), { m: 'story T: revise it now or not' }, b)).toBeDefined();
    expect(matchJson(parsePattern('{"t":"<p>x</p>"}'), { t: '<p>x</p>' }, b)).toBeUndefined();
  });

  it('a stream answer begins with the lines shown', () => {
    const b: Bindings = new Map();
    expect(matchTextStart(['retry: 2000', ': after <position>'], 'retry: 2000\n: after 42\n\n', b)).toBeUndefined();
    expect(b.get('position')).toBe('42');
    expect(matchTextStart(['retry: 3000'], 'retry: 2000\n', b)).toBeDefined();
  });
});
