import { describe, expect, it } from '@jest/globals';
import { headerText } from './header-text';

/** A header value as Node's HTTP parser hands it over: one character per byte. */
const asReceived = (bytes: Buffer) => bytes.toString('latin1');

describe('header values as text', () => {
  it('read UTF-8 bytes as UTF-8, once', () => {
    for (const text of ['Zürich — «Genève» 東京', 'req-1', '🇺🇦', '']) expect(headerText(asReceived(Buffer.from(text, 'utf8')))).toBe(text);
  });

  it('keep bytes that are not UTF-8 as ISO-8859-1', () => {
    expect(headerText(asReceived(Buffer.from('Zürich', 'latin1')))).toBe('Zürich');
    expect(headerText(asReceived(Buffer.from([0xff, 0x41])))).toBe('ÿA');
  });

  it('leave text that did not come through a byte-per-character parser alone', () => {
    expect(headerText('東京')).toBe('東京');
  });
});
