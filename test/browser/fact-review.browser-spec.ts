import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { formatCalendarDate } from '@dateline/domain';
import { collectErrors, DESKTOP, launchChromium, unexpectedErrors } from '../support/browser';
import { EDITOR_TOKEN, listen, startTestApp, TestApp } from '../support/test-app';

/** A story of our own (talks in Geneva): the fact finder proposes a fact per dated sentence. */
const BODY_1 = [
  'Negotiators from Norway and Chile sat down in Geneva on 3 March for their first direct talks since 2019, the Nordic Wire reported.',
  'Chile has turned down a proposal for a joint fisheries commission.',
].join('\n\n');
const BODY_2 = `${BODY_1}\n\nThe two delegations are expected to meet again in Oslo in April.`;

interface Listed {
  candidates: { id: string; evidence: { text: string; paragraph: number }; review: { state: string; factId?: string } }[];
}

/** The fact review panel of the desk in a real Chromium (script on), against the real service on PGlite. */
describe('editor desk: reviewing fact candidates in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  let page: Page;
  const errors: string[][] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    base = await listen(t);
    const context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    errors.push(collectErrors(page));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('saves a revision, shows its candidates beside the marked text, accepts one with an edit, dismisses one, and the reader page says where the fact came from', async () => {
    await page.goto(`${base}/desk`);
    await page.getByLabel('Editor token').fill(EDITOR_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New story', exact: true }).click();
    await page.getByLabel('Slug').fill('geneva-fisheries-talks');
    await page.getByLabel('Headline').fill('Norway and Chile meet in Geneva');
    await page.getByLabel('Body', { exact: true }).fill(BODY_1);
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\?created$/);
    const storyId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByLabel('Body', { exact: true }).fill(BODY_2);
    await page.getByLabel('Change note').fill('Next meeting');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.waitForURL(/saved=2$/);

    // The panel of the revision saved, then of the first one: its text with each candidate's evidence marked.
    await page.getByRole('link', { name: 'Review the fact candidates of revision 2' }).click();
    await expect(page.locator('.revision-text mark').first().textContent()).resolves.toContain('expected to meet again');
    await page.getByRole('navigation', { name: 'Revisions' }).getByRole('link', { name: 'Revision 1' }).click();
    const listed = (await t.http().get(`/stories/${storyId}/fact-candidates?revision=1`).expect(200)).body as Listed;
    const marks = page.locator('.revision-text mark');
    expect(await marks.count()).toBeGreaterThanOrEqual(2);
    const talks = listed.candidates.find((c) => c.evidence.text.includes('sat down in Geneva'))!;
    const refusal = listed.candidates.find((c) => c.evidence.text.includes('turned down'))!;
    // By keyboard: the candidate's evidence link leads to its mark in the text.
    const talksItem = page.locator(`#candidate-${talks.id}`);
    await talksItem.getByRole('link', { name: /Evidence in paragraph/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#evidence-${talks.id}$`));
    await expect(page.locator(`#evidence-${talks.id}`).textContent()).resolves.toBe(talks.evidence.text);

    // Accept with an edit: the fact form comes filled with the proposal.
    await talksItem.getByRole('link', { name: /Edit, then accept/ }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Accept a fact candidate');
    await page.getByLabel('Title', { exact: true }).fill('Norway and Chile open talks in Geneva');
    await page.getByRole('button', { name: 'Accept and record the fact' }).click();
    await page.waitForURL(/reviewed=accepted/);
    await expect(page.locator('#panel-notice').textContent()).resolves.toContain('Candidate accepted');
    await expect(page.locator(`#candidate-${talks.id} .candidate-state`).textContent()).resolves.toContain('Accepted as a fact');

    // Dismiss another: a reason is required.
    const refusalItem = page.locator(`#candidate-${refusal.id}`);
    await refusalItem.getByRole('button', { name: /^Dismiss/ }).click();
    await expect(page.locator(`#reason-${refusal.id}-problem`).textContent()).resolves.toContain('reason');
    await page.locator(`#reason-${refusal.id}`).fill('A refusal, not a meeting');
    await page
      .locator(`#candidate-${refusal.id}`)
      .getByRole('button', { name: /^Dismiss/ })
      .click();
    await page.waitForURL(/reviewed=dismissed/);
    await expect(page.locator(`#candidate-${refusal.id} .candidate-state`).textContent()).resolves.toContain('A refusal, not a meeting');

    // On the reader page, the accepted fact says where it came from.
    const after = (await t.http().get(`/stories/${storyId}/fact-candidates?revision=1`).expect(200)).body as Listed;
    const factId = after.candidates.find((c) => c.id === talks.id)!.review.factId!;
    const fact = (await t.http().get(`/diplomatic-events/${factId}`).expect(200)).body as { title: string; when: { on: string } };
    const revision1 = (await t.http().get(`/stories/${storyId}/revisions/1`).expect(200)).body as { publishedAt: string };
    await page.goto(`${base}/?from=${fact.when.on.slice(0, 10)}&to=${fact.when.on.slice(0, 10)}`);
    const entry = page.locator(`#event-${factId}`);
    await expect(entry.locator('h3').textContent()).resolves.toBe('Norway and Chile open talks in Geneva');
    await expect(entry.locator('.provenance').textContent()).resolves.toBe(
      `From the story of ${formatCalendarDate(revision1.publishedAt.slice(0, 10))}, paragraph ${talks.evidence.paragraph}`,
    );
    expect(unexpectedErrors(errors, [400])).toEqual([]);
  }, 120_000);
});
