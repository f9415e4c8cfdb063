import { describe, expect, it } from '@jest/globals';
import { xmlAttribute, xmlElement, xmlText } from './xml-text';

describe('XML text of the feeds', () => {
  it('escapes markup always, also text that looks like an entity already', () => {
    expect(xmlText('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(xmlText('AT&amp;T &lt;b&gt; &#65;')).toBe('AT&amp;amp;T &amp;lt;b&amp;gt; &amp;#65;');
    expect(xmlText(']]>')).toBe(']]&gt;');
  });

  it('replaces the characters XML 1.0 does not allow, and keeps tab, line feed and everything else', () => {
    expect(xmlText('a\u0000b\u0001c\u0008d\u000be\u000cf\u001bg\u001fh\uFFFEi\uFFFFj')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFDi\uFFFDj',
    );
    expect(xmlText('lone \ud800 and \udfff, pair \ud83c\uddfa')).toBe('lone \uFFFD and \uFFFD, pair \ud83c\uddfa');
    expect(xmlText('tab\tline\nnel\u0085 ls\u2028 é 東京')).toBe('tab\tline\nnel\u0085 ls\u2028 é 東京');
  });

  it('keeps a carriage return as a reference, which a parser would otherwise fold into the line feed', () => {
    expect(xmlText('a\r\nb')).toBe('a&#xD;\nb');
  });

  it('escapes attribute values for double quotes, with whitespace a parser would normalise as references', () => {
    expect(xmlAttribute('say "hi" & <go>\t\n\r')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;&#x9;&#xA;&#xD;');
    expect(xmlElement('link', { rel: 'self', href: '/a?b=1&c="2"' })).toBe('<link rel="self" href="/a?b=1&amp;c=&quot;2&quot;"/>');
    expect(xmlElement('title', { type: 'text' }, xmlText('<x>'))).toBe('<title type="text">&lt;x&gt;</title>');
  });
});
