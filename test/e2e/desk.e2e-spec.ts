import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { csrfOf, DeskClient, deskClient, signedIn } from '../support/desk-client';
import { story } from '../support/fixtures';
import { ADMIN_TOKEN, bearer, EDITOR_TOKEN, startTestApp, TestApp } from '../support/test-app';

const storyFields = (slug: string) => ({ slug, headline: 'Talks open in Istanbul', body: 'Delegations met on Friday.', developing: 'on' });

/** A story created from the desk's new-story form: the path of its page on the desk, opened. */
async function storyFromDesk(desk: DeskClient, slug: string): Promise<string> {
  await desk.page('/desk/stories/new');
  const made = await desk.post('/desk/stories', { _csrf: desk.csrf(), ...storyFields(slug) });
  const path = made.headers.location.split('?')[0];
  await desk.page(path);
  return path;
}

/** The editor desk's HTTP side: sessions, CSRF and origin checks, redirects, and writes through the API's commands. */
describe('editor desk over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_TRUST_PROXY: 'true' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const storyExists = async (slug: string) => (await t.http().get(`/stories/${slug}`)).status === 200;

  it('sends a visitor without a session to the sign-in page with a 303, keeping where they were going', async () => {
    const res = await t.http().get('/desk/stories?q=talks').expect(303);
    expect(res.headers.location).toBe('/desk/sign-in?returnTo=%2Fdesk%2Fstories%3Fq%3Dtalks');
    await t.http().get('/desk').expect(303).expect('Location', '/desk/sign-in');
  });

  it('signs in with an API token: an encrypted session cookie, HttpOnly, SameSite=Strict, limited to /desk, with an expiry', async () => {
    const desk = deskClient(t);
    const page = await desk.page('/desk/sign-in?returnTo=/desk/stories?q=x');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    const res = await desk.post('/desk/sign-in', { _csrf: desk.csrf(), token: EDITOR_TOKEN, returnTo: '/desk/stories?q=x' }).then((r) => r);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/desk/stories?q=x');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^dateline_desk=[^;]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/desk');
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toContain('Secure');
    expect(cookie).not.toContain(EDITOR_TOKEN);
    const list = await desk.page('/desk/stories');
    expect(list.status).toBe(200);
    expect(list.text).toContain('Signed in as <strong>alice</strong>');
  });

  it('sets the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const desk = deskClient(t);
    const page = await desk.agent.get('/desk/sign-in').set('X-Forwarded-Proto', 'https');
    expect(String(page.headers['set-cookie'])).toContain('; Secure');
  });

  it('refuses an unknown token with a 401 page that says where tokens come from, and signs nobody in', async () => {
    const desk = deskClient(t);
    await desk.page('/desk/sign-in');
    const res = await desk.post('/desk/sign-in', { _csrf: desk.csrf(), token: 'not-a-token', returnTo: '/desk/stories' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('unknown token; the tokens are the ones configured on the service in DATELINE_EDITOR_TOKENS');
    expect(res.text).toContain('aria-invalid="true"');
    await desk.agent.get('/desk/stories').expect(303);
  });

  it('creates a story through the API’s command: 303 to the story, signed by the session’s editor', async () => {
    const desk = await signedIn(t);
    await desk.page('/desk/stories/new');
    const res = await desk.post('/desk/stories', { _csrf: desk.csrf(), ...storyFields('desk-created'), tags: 'ukraine, talks' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/desk\/stories\/[0-9a-f-]{36}\?created$/);
    const story = (await t.http().get('/stories/desk-created').expect(200)).body as { developing: boolean; tags: string[] };
    expect(story).toMatchObject({ developing: true, tags: ['ukraine', 'talks'] });
    const history = (await t.http().get('/stories/desk-created/revisions').expect(200)).body as { revisions: { editor: string }[] };
    expect(history.revisions).toEqual([expect.objectContaining({ revision: 1, editor: 'alice', kind: 'created' })]);
  });

  it('answers bad input with a 400 page naming each problem beside its field, in the API’s words, and writes nothing', async () => {
    const desk = await signedIn(t);
    await desk.page('/desk/stories/new');
    const res = await desk.post('/desk/stories', { _csrf: desk.csrf(), ...storyFields('Not A Slug'), headline: '   ' });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<p class="problem" id="f-slug-problem">slug must be lowercase words joined by hyphens/);
    expect(res.text).toMatch(/<p class="problem" id="f-headline-problem">headline /);
    // The editor's text comes back as typed.
    expect(res.text).toContain('Delegations met on Friday.</textarea>');
  });

  it('refuses a form without its CSRF token, or with another session’s, with a 403 that changes nothing', async () => {
    const desk = await signedIn(t);
    const other = await signedIn(t);
    await other.page('/desk/stories/new');
    for (const csrf of [undefined, other.csrf(), 'forged']) {
      const res = await desk.post('/desk/stories', { ...(csrf ? { _csrf: csrf } : {}), ...storyFields('csrf-probe') });
      expect(res.status).toBe(403);
      expect(res.text).toContain('CSRF token is missing or wrong');
    }
    expect(await storyExists('csrf-probe')).toBe(false);
  });

  it('refuses a form posted from another origin with a 403, even with a valid token', async () => {
    const desk = await signedIn(t);
    await desk.page('/desk/stories/new');
    const res = await desk.post(
      '/desk/stories',
      { _csrf: desk.csrf(), ...storyFields('cross-origin-probe') },
      { Origin: 'http://evil.example' },
    );
    expect(res.status).toBe(403);
    expect(res.text).toContain('a form posted from another site (http://evil.example) is refused');
    const crossSite = await desk.post(
      '/desk/stories',
      { _csrf: desk.csrf(), ...storyFields('cross-origin-probe') },
      { 'Sec-Fetch-Site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
    expect(await storyExists('cross-origin-probe')).toBe(false);
  });

  it('a stale revision is a 409 page with the other editor’s changes and the editor’s own text; saving on top works', async () => {
    const desk = await signedIn(t);
    const path = await storyFromDesk(desk, 'desk-conflict');
    const first = await desk.post(`${path}/revisions`, {
      _csrf: desk.csrf(),
      expectedRevision: '1',
      headline: 'Talks open in Istanbul',
      body: 'Delegations met on Friday afternoon.',
      developing: 'on',
      changeNote: 'Time of day',
      kind: 'update',
      intent: 'save',
    });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`${path}?saved=2`);
    const mine = {
      headline: 'Talks open in Istanbul',
      body: 'Delegations met on Friday in Dolmabahce.',
      developing: 'on',
      changeNote: 'Place',
      kind: 'update',
    };
    const stale = await desk.post(`${path}/revisions`, { _csrf: desk.csrf(), expectedRevision: '1', ...mine, intent: 'save' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('Someone saved first');
    expect(stale.text).toMatch(/<ins><span class="visually-hidden">\[added: <\/span>afternoon/);
    expect(stale.text).toContain('Delegations met on Friday in Dolmabahce.</textarea>');
    expect(stale.text).toContain('name="expectedRevision" value="2"');
    const onTop = await desk.post(`${path}/revisions`, { _csrf: csrfOf(stale.text), expectedRevision: '2', ...mine, intent: 'save' });
    expect(onTop.status).toBe(303);
    expect((await t.http().get('/stories/desk-conflict').expect(200)).body).toMatchObject({
      revision: 3,
      body: 'Delegations met on Friday in Dolmabahce.',
    });
  });

  it('previews a revision as a word diff without saving it', async () => {
    const desk = await signedIn(t);
    const path = await storyFromDesk(desk, 'desk-preview');
    const res = await desk.post(`${path}/revisions`, {
      _csrf: desk.csrf(),
      expectedRevision: '1',
      headline: 'Talks open in Istanbul',
      body: 'Delegations met late on Friday.',
      developing: 'on',
      changeNote: 'Late',
      intent: 'preview',
    });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/id="preview-body">Delegations met <ins><span class="visually-hidden">\[added: <\/span>late /);
    expect((await t.http().get('/stories/desk-preview').expect(200)).body).toMatchObject({ revision: 1 });
  });

  it('signs out with a 303, and the old session cookie no longer opens the desk', async () => {
    const desk = await signedIn(t);
    const page = await desk.page('/desk/stories');
    const cookie = String(page.request.cookies);
    const out = await desk.post('/desk/sign-out', { _csrf: desk.csrf() });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/desk/sign-in?signedOut');
    expect(String(out.headers['set-cookie'])).toMatch(/dateline_desk=;.*Max-Age=0/);
    await desk.agent.get('/desk/stories').expect(303);
    // A copy of the cookie taken before the sign-out (it is still a validly encrypted session).
    await t.http().get('/desk/stories').set('Cookie', cookie).expect(303);
  });

  it('keeps the API as it was: JSON only, bearer tokens; the desk’s posts take forms only', async () => {
    await t.http().post('/stories').type('form').send('slug=x').expect(415);
    await t.http().post('/stories').set('Authorization', `Bearer ${EDITOR_TOKEN}`).type('form').send('slug=x').expect(415);
    const desk = await signedIn(t);
    await desk.page('/desk/stories/new');
    const json = await desk.agent.post('/desk/stories').send({ _csrf: desk.csrf(), ...storyFields('json-probe') });
    expect(json.status).toBe(415);
    expect(await storyExists('json-probe')).toBe(false);
  });

  it('shows the operations page to admins only', async () => {
    const editor = await signedIn(t);
    expect((await editor.agent.get('/desk/operations')).status).toBe(403);
    const admin = await signedIn(t, ADMIN_TOKEN);
    const page = await admin.page('/desk/operations');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/Projections<\/dt><dd>position \d+: caught up/);
    const replay = await admin.post('/desk/operations/replay', { _csrf: admin.csrf(), from: '0', to: '', toTopic: 'audit.copy' });
    expect(replay.status).toBe(409);
    expect(replay.text).toContain('Kafka is not configured: set KAFKA_BROKERS');
  });
});

describe('editor desk: an expired session', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_SESSION_TTL_SECONDS: '1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ignores X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    const page = await t.http().get('/desk/sign-in').set('X-Forwarded-Proto', 'https');
    expect(String(page.headers['set-cookie'])).not.toContain('Secure');
  });

  it('asks to sign in again without losing the form, and writes nothing until then', async () => {
    const desk = await signedIn(t);
    await desk.page('/desk/stories/new');
    await new Promise((r) => setTimeout(r, 1500));
    const res = await desk.post('/desk/stories', { _csrf: desk.csrf(), ...storyFields('after-expiry') });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Your session has ended, so nothing was saved');
    expect(res.text).toContain('name="carry.body" value="Delegations met on Friday."');
    expect((await t.http().get('/stories/after-expiry')).status).toBe(404);
    // Signing in on that page brings the form back, filled.
    const back = await desk.post('/desk/sign-in', {
      _csrf: csrfOf(res.text),
      token: EDITOR_TOKEN,
      returnTo: '/desk/stories',
      carryAction: '/desk/stories',
      'carry.slug': 'after-expiry',
      'carry.headline': 'Talks open in Istanbul',
      'carry.body': 'Delegations met on Friday.',
    });
    expect(back.status).toBe(200);
    expect(back.text).toContain('Your text is back in the form');
    expect(back.text).toContain('Delegations met on Friday.</textarea>');
  });
});

describe('editor desk: the write budget', () => {
  /** An editor of this block alone: the budget is per editor and per minute. */
  const BOB_TOKEN = 'bob-token-for-the-budget';
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { DATELINE_WRITE_RATE_LIMIT: '2', DATELINE_EDITOR_TOKENS: `alice=${EDITOR_TOKEN},bob=${BOB_TOKEN}` } });
  });
  afterAll(async () => {
    await t?.close();
  });
  /** A story written over the API with alice's token. */
  const storyOverApi = (slug: string) => t.http().post('/stories').set(bearer()).send(story({ slug }));

  it("spends the editor's one budget with the API: over it, a 429 page that says how long to wait, and nothing written", async () => {
    const desk = await signedIn(t);
    // One write over the API with alice's token, one form from alice's desk: her two of the minute.
    await storyOverApi('budget-api').expect(201);
    await desk.page('/desk/stories/new');
    const second = await desk.post('/desk/stories', { _csrf: desk.csrf(), ...storyFields('budget-desk') });
    expect(second.status).toBe(303);
    expect(second.headers['x-ratelimit-remaining']).toBe('0');

    await desk.page('/desk/stories/new');
    const head = await t.storage.store.headPosition();
    const refused = await desk.post('/desk/stories', { _csrf: desk.csrf(), ...storyFields('budget-over') });
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^text\/html/);
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(refused.text).toContain(`too many changes: at most 2 a minute for each editor. Wait ${wait} s, then go back`);
    expect(await t.storage.store.headPosition()).toBe(head);
    expect((await t.http().get('/stories/budget-over')).status).toBe(404);
    // The API refuses her too; reading the desk, and another editor's writes, go on.
    await storyOverApi('budget-api-over').expect(429);
    expect((await desk.page('/desk/stories')).status).toBe(200);
    const admin = await signedIn(t, ADMIN_TOKEN);
    await admin.page('/desk/stories/new');
    expect((await admin.post('/desk/stories', { _csrf: admin.csrf(), ...storyFields('budget-admin') })).status).toBe(303);
  });

  it('spends nothing on a preview: three previews, then the save, within a budget of two', async () => {
    const desk = await signedIn(t, BOB_TOKEN);
    const path = await storyFromDesk(desk, 'budget-preview');
    const revision = {
      expectedRevision: '1',
      headline: 'Talks open in Istanbul',
      body: 'Delegations met late on Friday.',
      developing: 'on',
      changeNote: 'Late',
    };
    for (let i = 0; i < 3; i++) {
      const preview = await desk.post(`${path}/revisions`, { _csrf: desk.csrf(), ...revision, intent: 'preview' });
      expect(preview.status).toBe(200);
      expect(preview.headers['x-ratelimit-remaining']).toBeUndefined();
    }
    const saved = await desk.post(`${path}/revisions`, { _csrf: desk.csrf(), ...revision, intent: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers['x-ratelimit-remaining']).toBe('0');
    expect((await t.http().get('/stories/budget-preview').expect(200)).body).toMatchObject({ revision: 2 });
  });
});
