import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BACKENDS } from '../support/backends';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { bearer, created, TestApp } from '../support/test-app';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const DAY = '2025-05-16';

/** The attributes of the element with this id, as the page has them (our own markup). */
function attributesOf(page: string, id: string): string {
  const match = page.match(new RegExp(`<[a-z0-9]+ id="${id}"([^>]*)>`));
  if (!match) throw new Error(`no element #${id} on the page`);
  return match[1];
}

describe.each(BACKENDS)('languages: a fact’s language tag and the page’s language, on %s', (_name, start) => {
  let t: TestApp;
  let cleanup: () => Promise<void>;
  let last = 0;
  let storyId: string;
  let ukrainian: string;
  let english: string;

  const post = async (path: string, body: unknown) => {
    const answer = await created(t, path, body);
    last = Math.max(last, answer.position);
    return answer.id;
  };
  const refused = async (path: string, body: unknown) => {
    const res = await t
      .http()
      .post(path)
      .set(bearer())
      .send(body as object)
      .expect(400);
    return (res.body.message as string[]).join('\n');
  };
  const page = (path: string, headers: Record<string, string> = {}) =>
    t
      .http()
      .get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`)
      .set({ Accept: BROWSER_ACCEPT, ...headers });

  beforeAll(async () => {
    ({ app: t, cleanup } = await start());
    storyId = await post('/stories', story({ slug: 'istanbul-languages', headline: 'Talks in Istanbul' }));
    ukrainian = await post(
      '/diplomatic-events',
      diplomaticEvent({
        title: 'Делегації почали переговори в Стамбулі',
        summary: 'Перша зустріч з 2022 року.',
        when: onDay(DAY),
        storyIds: [storyId],
        language: 'uk',
      }),
    );
    english = await post('/diplomatic-events', diplomaticEvent({ title: 'Delegations meet again', when: onDay(DAY), storyIds: [storyId] }));
  });

  afterAll(async () => {
    await t.close();
    await cleanup();
  });

  describe('a fact’s language', () => {
    it('is kept as sent, in the fact and in its timeline entry', async () => {
      const fact = await t.http().get(`/diplomatic-events/${ukrainian}?minPosition=${last}`).expect(200);
      expect(fact.body.language).toBe('uk');
      const day = await t.http().get(`/timeline/${DAY}?minPosition=${last}`).expect(200);
      const entries = day.body.entries as { id: string; type: string; language?: string }[];
      expect(entries.find((e) => e.id === ukrainian)?.language).toBe('uk');
      expect(entries.find((e) => e.id === english)).not.toHaveProperty('language');
    });

    it('must be a well-formed BCP 47 tag, or the write is a 400 naming the field, on recording and on amending', async () => {
      for (const bad of ['en_US', 'x', '', 'uk!', 7]) {
        expect(await refused('/diplomatic-events', diplomaticEvent({ language: bad }))).toMatch(
          /^language must be a well-formed BCP 47 language tag such as en, uk or pt-BR/m,
        );
      }
      expect(
        await refused(`/diplomatic-events/${english}/amendments`, { expectedVersion: 1, changes: { language: 'en--GB' }, reason: 'tag' }),
      ).toMatch(/^changes\.language must be a well-formed BCP 47 language tag/m);
      const fact = await t.http().get(`/diplomatic-events/${english}?minPosition=${last}`).expect(200);
      expect(fact.body.version).toBe(1);
    });

    it('can be amended and removed (null), as other optional fields', async () => {
      const other = await post(
        '/diplomatic-events',
        diplomaticEvent({ title: 'Zu Gast in Genf', when: onDay('2025-05-15'), language: 'de-CH' }),
      );
      await post(`/diplomatic-events/${other}/amendments`, { expectedVersion: 1, changes: { language: 'de' }, reason: 'the tag' });
      expect((await t.http().get(`/diplomatic-events/${other}?minPosition=${last}`).expect(200)).body.language).toBe('de');
      await post(`/diplomatic-events/${other}/amendments`, { expectedVersion: 2, changes: { language: null }, reason: 'not known' });
      expect((await t.http().get(`/diplomatic-events/${other}?minPosition=${last}`).expect(200)).body).not.toHaveProperty('language');
    });

    it('marks the fact’s own text with lang on the reader page where it differs from the page’s language', async () => {
      const res = await page(`/?from=${DAY}&to=${DAY}`).expect(200);
      expect(attributesOf(res.text, `event-${ukrainian}-h`)).toBe(' lang="uk"');
      expect(res.text).toContain('<p lang="uk">Перша зустріч з 2022 року.</p>');
      // A fact without a tag, or in the page's language, is left to the page's lang.
      expect(attributesOf(res.text, `event-${english}-h`)).toBe('');
      expect(res.text.match(/ lang="/g)).toHaveLength(3); // <html lang>, the headline, the summary
    });

    it('marks it on the story’s timeline page and in its embed', async () => {
      for (const path of ['/stories/istanbul-languages/timeline', '/embed/stories/istanbul-languages']) {
        const res = await page(path).expect(200);
        expect(res.text).toMatch(/^<!doctype html>\n<html lang="en">/);
        expect(res.headers['content-language']).toBe('en');
        expect(res.text).toMatch(/<h3 [^>]*lang="uk">Делегації почали переговори в Стамбулі<\/h3>/);
        expect(res.text).toMatch(/<h3 [^>]*>Delegations meet again<\/h3>/);
        expect(res.text).not.toMatch(/<h3 [^>]*lang="[^"]*">Delegations meet again/);
        expect(res.text).toContain('Friday 16 May 2025');
      }
    });

    it('marks it on the story page’s list of facts too', async () => {
      const res = await page('/stories/istanbul-languages').expect(200);
      expect(res.text).toMatch(new RegExp(`<a href="[^"]*#event-${ukrainian}" lang="uk">Делегації почали переговори в Стамбулі</a>`));
      expect(res.text).toMatch(new RegExp(`<a href="[^"]*#event-${english}">Delegations meet again</a>`));
    });
  });

  describe('a story’s language', () => {
    it('is set with the story, kept in its JSON, and marks its headline and text on its page', async () => {
      const id = await post(
        '/stories',
        story({ slug: 'kyiv-uk', headline: 'Переговори у Стамбулі', body: 'Делегації зустрілися.\n\nДалі буде.', language: 'uk' }),
      );
      const json = await t.http().get(`/stories/${id}?minPosition=${last}`).expect(200);
      expect(json.body.language).toBe('uk');
      const res = await page('/stories/kyiv-uk').expect(200);
      expect(res.text).toContain('<h1 id="story-h" lang="uk">Переговори у Стамбулі</h1>');
      expect(res.text).toContain('<div class="story-body" lang="uk"><p>Делегації зустрілися.</p>');
      // In the page's language, or untagged: nothing to mark.
      await post('/stories', story({ slug: 'geneva-en', headline: 'Talks in Geneva', language: 'en' }));
      const english = await page('/stories/geneva-en').expect(200);
      expect(english.text).toContain('<h1 id="story-h">Talks in Geneva</h1>');
      expect((await page('/stories/istanbul-languages').expect(200)).text).toContain('<h1 id="story-h">Talks in Istanbul</h1>');
    });

    it('must be a well-formed BCP 47 tag, or the story is a 400 naming the field', async () => {
      for (const bad of ['en_US', 'ukrainian!', '']) {
        expect(await refused('/stories', story({ slug: 'bad-language', language: bad }))).toMatch(
          /^language must be a well-formed BCP 47 language tag such as en, uk or pt-BR/m,
        );
      }
      await t.http().get('/stories/bad-language').expect(404);
    });
  });

  describe('the page’s language', () => {
    it('is English by default, said in <html lang>, Content-Language and hreflang, and varies by Accept-Language', async () => {
      for (const path of ['/', `/stories/${storyId}`]) {
        const res = await page(path).expect(200);
        expect(res.text).toMatch(/^<!doctype html>\n<html lang="en">/);
        expect(res.headers['content-language']).toBe('en');
        expect(res.headers.vary).toMatch(/Accept-Language/);
        expect(res.text).toMatch(/<link rel="alternate" hreflang="en" href="\/[^"]*lang=en">/);
        expect(res.text).toContain('<a class="skip" href="#main">Skip to content</a>');
      }
    });

    it('is chosen by ?lang= among the catalogue’s languages', async () => {
      const res = await page(`/?lang=en&from=${DAY}&to=${DAY}`).expect(200);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain(`<link rel="alternate" hreflang="en" href="/?lang=en&amp;from=${DAY}&amp;to=${DAY}">`);
      expect((await page('/?lang=en-GB').expect(200)).headers['content-language']).toBe('en');
    });

    it('refuses a lang the catalogue does not speak, or no tag at all, with a 400 page naming lang', async () => {
      for (const path of ['/?lang=uk', '/?lang=en_US', `/stories/${storyId}?lang=fr`, '/embed/stories/istanbul-languages?lang=uk']) {
        const res = await page(path).expect(400);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toContain('<html lang="en">');
        expect(res.text).toContain('lang must be a language these pages are written in: en');
      }
    });

    it('follows Accept-Language to a language of the catalogue, and falls back to English for any other', async () => {
      for (const acceptLanguage of ['uk-UA, uk;q=0.9, en;q=0.5', 'de', '*', 'en-GB']) {
        for (const path of [`/?from=${DAY}&to=${DAY}`, '/stories/istanbul-languages/timeline', '/embed/stories/istanbul-languages']) {
          const res = await page(path, { 'Accept-Language': acceptLanguage }).expect(200);
          expect(res.text).toContain('<html lang="en">');
          expect(res.text).toContain('Friday 16 May 2025');
          expect(res.headers.vary).toMatch(/Accept-Language/);
        }
      }
    });
  });
});
