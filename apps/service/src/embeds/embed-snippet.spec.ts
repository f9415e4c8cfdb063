import { describe, expect, it } from '@jest/globals';
import { embedPageCsp } from './embed-frame-policy';
import { embedSnippet, oembedDiscovery } from './embed-snippet';

describe('the embed snippet', () => {
  it("escapes the headline in the iframe's title: an editor's text never becomes markup on the host page", () => {
    const snippet = embedSnippet({ origin: 'https://dateline.test', slug: 'talks', headline: '"><script>alert(1)</script>' });
    expect(snippet).toContain('title="Timeline: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; (Dateline)"');
    expect(snippet.match(/<script/g)).toHaveLength(1);
  });

  it('sizes the frame as asked, and gives the host script a ceiling only when asked for one', () => {
    const snippet = embedSnippet({
      origin: 'https://dateline.test',
      slug: 'talks',
      headline: 'Talks',
      width: 400,
      height: 300,
      maxHeight: 300,
    });
    expect(snippet).toBe(
      '<iframe src="https://dateline.test/embed/stories/talks" title="Timeline: Talks (Dateline)" width="400" height="300" style="width:100%;max-width:400px;border:0" loading="lazy" data-dateline-embed data-dateline-max-height="300"></iframe>\n<script src="https://dateline.test/assets/embed-host.js" async></script>',
    );
    expect(embedSnippet({ origin: 'https://dateline.test', slug: 'talks', headline: 'Talks' })).not.toContain('data-dateline-max-height');
  });

  it("names the story's page in its oEmbed discovery link", () => {
    expect(oembedDiscovery('https://dateline.test', 'talks', 'Talks')).toEqual({
      type: 'application/json+oembed',
      href: 'https://dateline.test/oembed?url=https%3A%2F%2Fdateline.test%2Fstories%2Ftalks&format=json',
      title: 'Talks',
    });
  });
});

describe("the embed page's CSP", () => {
  it("lists the configured sites in frame-ancestors, or 'none', and keeps the reader page's script rule", () => {
    expect(embedPageCsp(['https://news.example', 'https://*.partner.example'])).toContain(
      'frame-ancestors https://news.example https://*.partner.example',
    );
    expect(embedPageCsp([])).toContain("frame-ancestors 'none'");
    expect(embedPageCsp(['*'])).toContain("script-src 'self'");
  });
});
