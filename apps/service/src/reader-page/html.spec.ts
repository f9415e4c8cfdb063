import { describe, expect, it } from '@jest/globals';
import { escapeHtml, html, jsonForScript, queryString, safeHttpUrl, trusted } from './html';

describe('html templates', () => {
  it('escape every interpolated value, in text and in attributes', () => {
    const title = `<script>alert("x")</script> & 'quotes'`;
    expect(html`<h2 title="${title}">${title}</h2>`.value).toBe(
      '<h2 title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;</h2>',
    );
  });

  it('nest without double escaping, join arrays, and render nothing for null, undefined and false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
    expect(html`${trusted('<b>ok</b>')}`.value).toBe('<b>ok</b>');
  });

  it('JSON for a script element cannot close it', () => {
    const out = jsonForScript({ headline: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' }).value;
    expect(out).not.toMatch(/<|>|&/);
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028' });
  });

  it('links only to http(s)', () => {
    expect(safeHttpUrl('https://kyivindependent.com/x?a=1')).toBe('https://kyivindependent.com/x?a=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,<b>')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
  });

  it('query strings keep only what is set', () => {
    expect(queryString({ from: '2025-05-01', to: undefined, asOf: '' })).toBe('?from=2025-05-01');
    expect(queryString({})).toBe('');
    expect(escapeHtml('"')).toBe('&quot;');
  });
});
