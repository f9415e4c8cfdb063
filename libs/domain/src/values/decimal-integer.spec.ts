import { describe, expect, it } from '@jest/globals';
import { decimalIntegerProblem, LOG_POSITION, parseDecimalInteger, REVISION_NUMBER } from './decimal-integer';

describe('decimal integers from text', () => {
  it('read decimal digits within the range, leading zeros included', () => {
    expect(['0', '7', '007', '9007199254740991'].map((t) => parseDecimalInteger(t, LOG_POSITION))).toEqual([
      0, 7, 7, 9_007_199_254_740_991,
    ]);
    expect(['1', '2147483647'].map((t) => parseDecimalInteger(t, REVISION_NUMBER))).toEqual([1, 2_147_483_647]);
  });

  it('refuse what Number() would read, and numbers past the range', () => {
    const refused = [
      '',
      ' 1',
      '1 ',
      '+1',
      '-1',
      '1e3',
      '0x10',
      '0b1',
      '0o7',
      '1.0',
      '1_000',
      'Infinity',
      'NaN',
      '١٢',
      '9007199254740992',
      '99999999999999999999999',
    ];
    expect(refused.map((t) => parseDecimalInteger(t, LOG_POSITION))).toEqual(refused.map(() => undefined));
    expect(['0', '2147483648', '4294967297'].map((t) => parseDecimalInteger(t, REVISION_NUMBER))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('refuse anything that is not a string', () => {
    expect([1, ['1'], null, undefined, { n: 1 }].map((v) => parseDecimalInteger(v, LOG_POSITION))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('name the parameter and the range in the message', () => {
    expect(decimalIntegerProblem('n', REVISION_NUMBER)).toBe('n must be a revision number: decimal digits only, from 1 to 2147483647');
  });
});
