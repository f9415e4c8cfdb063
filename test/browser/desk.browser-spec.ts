import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations, sideScroll } from '../support/axe';
import { collectErrors, DESKTOP, launchChromium, PHONE, screenshot, unexpectedErrors } from '../support/browser';
import { fillFact } from '../support/desk-fact-form';
import { ADMIN_TOKEN, EDITOR_TOKEN, listen, startTestApp, TestApp } from '../support/test-app';

// Code passed to page.evaluate runs in the browser; the project's tsconfig has no DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the browser's document, untyped without the DOM library
declare const document: any;

/** The pages whose screenshots the README and docs/images keep (DATELINE_UPDATE_DOCS_IMAGES=1 refreshes them). */
const IN_DOCS = new Set(['stories', 'revise-preview', 'conflict', 'history', 'operations', 'fact-form', 'fact-history']);

/**
 * The editor desk in a real Chromium, against the real service (in-process, in-memory PGlite):
 * every flow by keyboard-reachable labelled controls, with the CSP on (no inline script).
 */
describe('editor desk in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  /** `forAxe`: the page's CSP is bypassed, only so that axe-core can be injected as an inline script. */
  async function newPage(viewport = DESKTOP, forAxe = false): Promise<Page> {
    const context = await browser.newContext({ viewport, bypassCSP: forAxe });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(collectErrors(page));
    return page;
  }

  async function signIn(page: Page, token = EDITOR_TOKEN): Promise<void> {
    await page.goto(`${base}/desk`);
    await page.getByLabel('Editor token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/desk/stories`);
  }

  async function createStory(page: Page, slug: string, headline: string, body: string): Promise<string> {
    await page.getByRole('link', { name: 'New story', exact: true }).click();
    await page.getByLabel('Slug').fill(slug);
    await page.getByLabel('Headline').fill(headline);
    await page.getByLabel('Body', { exact: true }).fill(body);
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\/desk\/stories\/[0-9a-f-]{36}\?created$/);
    return new URL(page.url()).pathname;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    base = await listen(t);
  }, 120_000);

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    // Console errors (a CSP refusal included) fail the test that caused them; a page answered with
    // its 4xx status (a conflict, a problem in a form, the sign-in again) is the desk working.
    expect(unexpectedErrors(errors, [400, 401, 403, 404, 409])).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, creates a story, previews a revision as a word diff, and saves it', async () => {
    const page = await newPage();
    await signIn(page);
    const path = await createStory(
      page,
      'istanbul-desk',
      'Delegations meet in Istanbul',
      'Ukrainian and Russian delegations met on 16 May.',
    );
    await expect(page.locator('#form-notice').textContent()).resolves.toBe('Story created (revision 1).');
    await page.getByLabel('Body', { exact: true }).fill('Ukrainian and Russian delegations met in Dolmabahce Palace on 16 May.');
    await page.getByLabel('Change note').fill('Added the venue');
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await expect(page.locator('#preview-body ins').first().textContent()).resolves.toContain('in Dolmabahce Palace');
    await expect(
      t
        .http()
        .get('/stories/istanbul-desk')
        .then((r) => (r.body as { revision: number }).revision),
    ).resolves.toBe(1);
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.waitForURL(`${base}${path}?saved=2`);
    await expect(page.locator('#form-notice').textContent()).resolves.toBe('Saved revision 2.');
    const story = (await t.http().get('/stories/istanbul-desk/revisions').expect(200)).body as {
      revisions: { editor: string; changeNote?: string }[];
    };
    expect(story.revisions[1]).toMatchObject({ editor: 'alice', changeNote: 'Added the venue', kind: 'update' });
    await page.getByRole('link', { name: 'Revision history' }).click();
    await page.getByText('Changes from revision 1').click();
    await expect(page.locator('#revision-2 ins').first().textContent()).resolves.toContain('Dolmabahce');
  });

  it('two editors revise one story: the second sees the conflict, keeps their text and saves on top', async () => {
    const first = await newPage();
    const second = await newPage();
    await signIn(first);
    const path = await createStory(first, 'two-editors', 'Talks begin', 'The talks began at noon.');
    await signIn(second, ADMIN_TOKEN);
    await second.goto(`${base}${path}`);
    await first.getByLabel('Body', { exact: true }).fill('The talks began at 13:30 after a delay.');
    await first.getByLabel('Change note').fill('Start time');
    await first.getByRole('button', { name: 'Save revision' }).click();
    await first.waitForURL(/saved=2$/);

    const mine = 'The talks began at noon in the Dolmabahce Palace.';
    await second.getByLabel('Body', { exact: true }).fill(mine);
    await second.getByLabel('Change note').fill('Venue');
    await second.getByRole('button', { name: 'Save revision' }).click();
    await expect(second.locator('#conflict-h').textContent()).resolves.toBe('Someone saved first');
    await expect(second.locator('#theirs-body ins').first().textContent()).resolves.toContain('13:30');
    await expect(second.locator('#yours').textContent()).resolves.toContain(mine);
    await expect(second.getByLabel('Body', { exact: true }).inputValue()).resolves.toBe(mine);
    await second.getByRole('button', { name: 'Save on top of revision 2' }).click();
    await second.waitForURL(/saved=3$/);
    const now = (await t.http().get('/stories/two-editors').expect(200)).body as { body: string; revision: number };
    expect(now).toMatchObject({ revision: 3, body: mine });
  });

  it('keeps unsaved text across a reload (a draft in this browser), and can discard it', async () => {
    const page = await newPage();
    await signIn(page);
    const path = await createStory(page, 'draft-story', 'Draft story', 'Saved text.');
    await page.getByLabel('Body', { exact: true }).fill('Saved text. And a sentence not yet saved.');
    await page.reload();
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toBe('Saved text. And a sentence not yet saved.');
    await expect(page.locator('#draft-status').textContent()).resolves.toContain('is back in the form');
    await page.getByRole('button', { name: 'Discard it' }).click();
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toBe('Saved text.');
    await page.goto(`${base}${path}`);
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toBe('Saved text.');
  });

  it('a form posted without its CSRF token, or from another origin, changes nothing', async () => {
    const page = await newPage();
    await signIn(page);
    await page.getByRole('link', { name: 'New story', exact: true }).click();
    await page.getByLabel('Slug').fill('no-csrf');
    await page.getByLabel('Headline').fill('Should not exist');
    await page.getByLabel('Body', { exact: true }).fill('Nothing.');
    await page.evaluate(() => document.querySelector('form[data-draft-key] input[name="_csrf"]').remove());
    await page.getByRole('button', { name: 'Create story' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not allowed');
    expect((await t.http().get('/stories/no-csrf')).status).toBe(404);

    // Another site (localhost is not the site 127.0.0.1) with a form aimed at the desk: refused by its
    // Origin before anything else (and the SameSite=Strict cookie stays home anyway).
    const evil: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><title>Elsewhere</title><form method="post" action="${base}/desk/stories">
<input name="slug" value="cross-site"><input name="headline" value="Forged"><input name="body" value="Forged."><button>Go</button></form>`);
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`);
      await page.getByRole('button', { name: 'Go' }).click();
      await page.waitForURL(`${base}/desk/stories`);
      await expect(page.locator('#problems').textContent()).resolves.toContain('a form posted from another site (http://localhost:');
    } finally {
      evil.close();
    }
    expect((await t.http().get('/stories/cross-site')).status).toBe(404);
    // The editor's own session was not touched by it.
    await page.goto(`${base}/desk/stories`);
    await expect(page.getByText('Signed in as').textContent()).resolves.toContain('alice');
  });

  it('sign-out ends the session; an expired session asks to sign in again without losing the form', async () => {
    const page = await newPage();
    await signIn(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/desk/sign-in?signedOut`);
    await page.goto(`${base}/desk/stories`);
    await page.waitForURL(/\/desk\/sign-in\?returnTo=/);

    await signIn(page);
    await page.getByRole('link', { name: 'New story', exact: true }).click();
    await page.getByLabel('Slug').fill('after-sign-in');
    await page.getByLabel('Headline').fill('Written while the session ran out');
    await page.getByLabel('Body', { exact: true }).fill('Every word of this survives.');
    // The session ends while the editor writes (as at its expiry: the browser no longer has a valid one).
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Create story' }).click();
    await expect(page.locator('#sign-in-notice').textContent()).resolves.toContain('what you wrote is kept');
    expect((await t.http().get('/stories/after-sign-in')).status).toBe(404);
    await page.getByLabel('Editor token').fill(EDITOR_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toBe('Every word of this survives.');
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\?created$/);
    expect((await t.http().get('/stories/after-sign-in').expect(200)).body).toMatchObject({ body: 'Every word of this survives.' });
  });

  it('every desk page: no serious or critical axe violation, and no sideways scroll at 390 px', async () => {
    const problems: string[] = [];
    const shots = process.env.DATELINE_UPDATE_DOCS_IMAGES === '1';
    for (const [viewport, width] of [
      [DESKTOP, '1280'],
      [PHONE, '390'],
    ] as const) {
      const page = await newPage(viewport, true);
      const check = async (name: string) => {
        problems.push(...(await seriousViolations(page)).map((p) => `${name} at ${width}px: ${p}`));
        const overflow = await sideScroll(page);
        if (overflow > 0) problems.push(`${name} at ${width}px scrolls sideways by ${overflow}px`);
        const path = await screenshot(page, `desk-${name}-${width}`, false);
        if (shots && IN_DOCS.has(name)) {
          mkdirSync('docs/images', { recursive: true });
          copyFileSync(path, `docs/images/desk-${name}-${width}.png`);
        }
      };
      await page.goto(`${base}/desk/sign-in`);
      await check('sign-in');
      await page.getByLabel('Editor token').fill('wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await check('sign-in-problem');
      await signIn(page, ADMIN_TOKEN);
      const path = await createStory(
        page,
        `axe-${width}`,
        'Delegations meet in Istanbul',
        'Ukrainian and Russian delegations met.\n\nTalks lasted two hours.',
      );
      await page.goto(`${base}/desk/stories`);
      await check('stories');
      await page.goto(`${base}/desk/stories/new`);
      await page.getByRole('button', { name: 'Create story' }).click();
      await check('new-story-problems');
      await page.goto(`${base}${path}`);
      await page
        .getByLabel('Body', { exact: true })
        .fill('Ukrainian and Russian delegations met in Istanbul.\n\nTalks lasted under two hours.');
      await page.getByLabel('Change note').fill('Shorter talks');
      await page.getByRole('button', { name: 'Preview changes' }).click();
      await check('revise-preview');
      await page.getByRole('button', { name: 'Save revision' }).click();
      await page.waitForURL(/saved=2$/);
      await page.goto(`${base}${path}/history`);
      await page.getByText('Changes from revision 1').click();
      await check('history');
      await page.goto(`${base}/desk/operations`);
      await check('operations');
      await page.goto(`${base}/desk/stories/00000000-0000-4000-8000-000000000000`);
      await check('not-found');
      // A conflict: the form based on revision 1 while the story is at 2.
      await page.goto(`${base}${path}`);
      await page.evaluate(() => (document.querySelector('input[name="expectedRevision"]').value = '1'));
      await page.getByLabel('Change note').fill('Stale');
      await page.getByLabel('Headline').fill('Delegations meet in Istanbul, briefly');
      await page.getByRole('button', { name: 'Save revision' }).click();
      await check('conflict');

      // The fact pages: an empty form, its problems, a filled one (amend), the history, a conflict, the retraction.
      await page.goto(`${base}${path}`);
      await page.getByRole('link', { name: 'Add a fact' }).click();
      await check('fact-new');
      await page.getByRole('button', { name: 'Record the fact' }).click();
      await check('fact-problems');
      await fillFact(page, {
        title: 'Ukrainian and Russian delegations open direct talks in Istanbul',
        kind: 'talks',
        summary: 'The first face-to-face negotiations since 2022, hosted by Turkey.',
        when: { precision: 'day', on: '2025-05-16', timezone: 'Europe/Istanbul', certainty: 'explicit', wording: 'on May 16' },
        participants: [{ name: 'Ukrainian delegation', role: 'Delegation to the talks', country: 'UA' }],
        sources: [{ attribution: 'named-source', name: 'Sky News', wording: 'Sky News reported' }],
        location: { name: 'Istanbul', country: 'TR' },
        cameoCode: '046',
      });
      await page.getByRole('button', { name: 'Record the fact' }).click();
      await page.waitForURL(/factSaved=recorded/);
      const fact = new URL(page.url()).searchParams.get('fact')!;
      await check('story-facts');
      await page.goto(`${base}${path}/facts/${fact}/amendments`);
      await check('fact-form');
      await page.getByLabel('Summary').fill('The first face-to-face negotiations since 2022, hosted by Turkey in Dolmabahce Palace.');
      await page.getByLabel('Reason for the amendment').fill('Venue');
      await page.getByRole('button', { name: 'Save the amendment' }).click();
      await page.waitForURL(/factSaved=amended/);
      await page.goto(`${base}${path}/facts/${fact}/history`);
      await check('fact-history');
      // A conflict: the amend form based on version 1 while the fact is at 2.
      await page.goto(`${base}${path}/facts/${fact}/amendments`);
      await page.evaluate(() => (document.querySelector('input[name="expectedVersion"]').value = '1'));
      await page.getByLabel('Title', { exact: true }).fill('Delegations open direct talks in Istanbul');
      await page.getByLabel('Reason for the amendment').fill('Shorter');
      await page.getByRole('button', { name: 'Save the amendment' }).click();
      await check('fact-conflict');
      await page.goto(`${base}${path}/facts/${fact}/retraction`);
      await page.getByRole('button', { name: 'Retract this fact' }).click();
      await check('fact-retract-problem');
    }
    expect(problems).toEqual([]);
  });
});
