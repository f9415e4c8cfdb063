import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectErrors, DESKTOP, launchChromium, unexpectedErrors } from '../support/browser';
import { fillDate, fillFact, type FactInput } from '../support/desk-fact-form';
import { EDITOR_TOKEN, listen, startTestApp, TestApp } from '../support/test-app';

interface FactView {
  version: number;
  state: string;
  title: string;
  summary?: string;
  when: Record<string, string>;
  relations: { relation: string; fact: string }[];
  about: { label: string; date: Record<string, string> }[];
  participants: unknown[];
  sources: unknown[];
  cameoCode?: string;
  storyIds: string[];
  history: { version: number; type: string; editor?: string; reason?: string }[];
}

const SEED_STORY = JSON.parse(readFileSync('data/seed/istanbul-talks.json', 'utf8')) as {
  story: {
    slug: string;
    byline: string;
    tags: string[];
    revisions: { headline: string; body: string; editorsNote: string; publishedAt: string }[];
  };
};
const SEED_FACTS = (JSON.parse(readFileSync('data/seed/istanbul-facts.json', 'utf8')) as { facts: (FactInput & { key: string })[] }).facts;
const seedFact = (key: string) => SEED_FACTS.find((f) => f.key === key)!;

/** A fact of the list as the API records it: without the list's own bookkeeping (key, paragraph references, revision) and relations. */
function asRecorded(f: FactInput): Record<string, unknown> {
  const { key: _key, from: _from, revision: _revision, relations: _relations, ...fields } = f as unknown as Record<string, unknown>;
  return fields;
}

/** The desk's fact forms in a real Chromium, with its script on, against the real service (in-memory PGlite). */
describe('editor desk: facts in Chromium', () => {
  let browser: Browser;
  let t: TestApp;
  let base: string;
  const contexts: BrowserContext[] = [];
  const errors: string[][] = [];

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP });
    contexts.push(context);
    const page = await context.newPage();
    errors.push(collectErrors(page));
    return page;
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${base}/desk`);
    await page.getByLabel('Editor token').fill(EDITOR_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/desk/stories`);
  }

  async function createStory(page: Page, fields: { slug: string; headline: string; body: string; editorsNote?: string }): Promise<string> {
    await page.getByRole('link', { name: 'New story', exact: true }).click();
    await page.getByLabel('Slug').fill(fields.slug);
    await page.getByLabel('Headline').fill(fields.headline);
    await page.getByLabel('Body', { exact: true }).fill(fields.body);
    if (fields.editorsNote) await page.getByLabel("Editor's note").fill(fields.editorsNote);
    await page.getByRole('button', { name: 'Create story' }).click();
    await page.waitForURL(/\/desk\/stories\/[0-9a-f-]{36}\?created$/);
    return new URL(page.url()).pathname;
  }

  /** Records the filled form; the id of the new fact, from the story page it lands on. */
  async function record(page: Page): Promise<string> {
    await page.getByRole('button', { name: 'Record the fact' }).click();
    await page.waitForURL(/factSaved=recorded/);
    return new URL(page.url()).searchParams.get('fact')!;
  }

  const fact = async (id: string) => (await t.http().get(`/diplomatic-events/${id}`).expect(200)).body as FactView;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestApp();
    base = await listen(t);
  }, 120_000);

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
    expect(unexpectedErrors(errors, [400, 409])).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, creates a story, revises it with the preview, adds a fact with a range date and a relation, amends it, retracts another', async () => {
    const page = await newPage();
    await signIn(page);
    const path = await createStory(page, { slug: 'desk-facts-flow', headline: 'Talks in Istanbul', body: 'Delegations met on 16 May.' });
    await page.getByLabel('Body', { exact: true }).fill('Delegations met in Istanbul on 16 May.');
    await page.getByLabel('Change note').fill('Place');
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await expect(page.locator('#preview-body ins').first().textContent()).resolves.toContain('in Istanbul');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.waitForURL(/saved=2$/);

    await page.getByRole('link', { name: 'Add a fact' }).click();
    await fillFact(page, {
      title: 'Delegations open direct talks',
      kind: 'talks',
      when: { precision: 'day', on: '2025-05-16', timezone: 'Europe/Istanbul', certainty: 'explicit' },
      sources: [{ attribution: 'own-reporting' }],
    });
    const talks = await record(page);

    await page.getByRole('link', { name: 'Add a fact' }).click();
    // The script shows only the inputs of the chosen precision.
    await page.locator('#f-when-precision').selectOption('period');
    await expect(page.locator('#f-when-on').isVisible()).resolves.toBe(false);
    await expect(page.locator('#f-when-until').isVisible()).resolves.toBe(true);
    await fillFact(
      page,
      {
        title: 'Delegations hold preparatory meetings',
        kind: 'meeting',
        when: { precision: 'period', from: '2025-05-14', until: '2025-05-15', certainty: 'inferred', wording: 'in the days before' },
        relations: [{ relation: 'before', fact: 'talks' }],
        participants: [{ name: 'Turkey', country: 'TR' }],
      },
      { talks },
    );
    await expect(page.locator('#f-relations-0-fact option:checked').textContent()).resolves.toBe(
      'Delegations open direct talks (on 16 May 2025)',
    );
    const meetings = await record(page);
    expect(await fact(meetings)).toMatchObject({
      when: { precision: 'period', from: '2025-05-14', until: '2025-05-15', certainty: 'inferred', wording: 'in the days before' },
      relations: [{ relation: 'before', fact: talks }],
      history: [{ version: 1, type: 'DiplomaticEventRecorded', editor: 'alice' }],
    });
    await expect(page.locator(`#fact-${meetings} .fact-meta`).textContent()).resolves.toContain('from 14 to 15 May 2025 (inferred)');

    await page.getByRole('link', { name: 'Amend “Delegations hold preparatory meetings”' }).click();
    await expect(page.getByLabel('Until', { exact: true }).first().inputValue()).resolves.toBe('2025-05-15');
    await page.getByLabel('Summary').fill('Officials met to prepare the talks.');
    await page.getByLabel('Reason for the amendment').fill('Context');
    await page.getByRole('button', { name: 'Save the amendment' }).click();
    await page.waitForURL(/factSaved=amended&version=2/);
    await expect(page.locator('#form-notice').textContent()).resolves.toBe('Fact amended: it is at version 2 now.');
    expect(await fact(meetings)).toMatchObject({ version: 2, summary: 'Officials met to prepare the talks.' });

    await page.getByRole('link', { name: 'Retract “Delegations open direct talks”' }).click();
    await page.getByLabel('Public note').fill('Recorded twice by mistake');
    await page.getByRole('button', { name: 'Retract this fact' }).click();
    await page.waitForURL(/factSaved=retracted/);
    expect(await fact(talks)).toMatchObject({ state: 'retracted', version: 2 });

    await page.getByRole('link', { name: 'History “Delegations hold preparatory meetings”' }).click();
    await expect(page.locator('#version-2').textContent()).resolves.toMatch(
      /Amended[\s\S]*by alice[\s\S]*Reason: Context[\s\S]*Officials met/,
    );
    expect(path).toMatch(/^\/desk\/stories\//);
  });

  it('the seed story written through the desk alone: revision 1 and two facts, read back on the reader page', async () => {
    const page = await newPage();
    await signIn(page);
    const rev = SEED_STORY.story.revisions[0];
    const path = await createStory(page, {
      slug: SEED_STORY.story.slug,
      headline: rev.headline,
      body: rev.body,
      editorsNote: rev.editorsNote,
    });
    const storyId = path.split('/').pop()!;

    const talksOpen = seedFact('talks-open');
    await page.getByRole('link', { name: 'Add a fact' }).click();
    await fillFact(page, talksOpen);
    await page.getByLabel('As published at').fill(rev.publishedAt);
    const talks = await record(page);

    const ceasefire = seedFact('ceasefire-proposal');
    await page.getByRole('link', { name: 'Add a fact' }).click();
    await fillFact(page, ceasefire);
    const proposal = await record(page);

    // The API has them as the fact list says, every part (the relation to a fact not entered here aside).
    expect(await fact(talks)).toMatchObject({ ...asRecorded(talksOpen), relations: [], storyIds: [storyId] });
    expect(await fact(proposal)).toMatchObject({ ...asRecorded(ceasefire), storyIds: [storyId] });

    await page.goto(`${base}/?from=2025-05-12&to=2025-05-16`);
    const may16 = page.locator('#day-2025-05-16');
    await expect(may16.textContent()).resolves.toContain(talksOpen.title);
    await expect(may16.textContent()).resolves.toContain(ceasefire.title);
    await expect(may16.textContent()).resolves.toContain('On or before 16 May 2025');
    await expect(page.locator('#day-2025-05-12').textContent()).resolves.toContain('Proposed start of the unconditional ceasefire');

    await page.goto(`${base}/stories/${SEED_STORY.story.slug}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(rev.headline);
    const facts = await page.locator('.story-facts').allTextContents();
    expect(facts.join(' ')).toContain(talksOpen.title);
    expect(facts.join(' ')).toContain(ceasefire.title);
    expect(facts.join(' ')).toContain('Proposed start of the unconditional ceasefire');
    await expect(page.locator('[data-day="2025-05-12"]').first().textContent()).resolves.toContain(
      'Proposed start of the unconditional ceasefire',
    );
  });

  it('a date of an about row takes its own precision', async () => {
    const page = await newPage();
    await signIn(page);
    await createStory(page, { slug: 'desk-facts-about', headline: 'A proposal', body: 'A ceasefire was proposed.' });
    await page.getByRole('link', { name: 'Add a fact' }).click();
    await fillFact(page, {
      title: 'Moscow proposes talks this week',
      kind: 'proposal',
      when: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' },
      about: [
        {
          label: 'the talks',
          date: { precision: 'bounded', onOrAfter: '2025-05-12', onOrBefore: '2025-05-18', certainty: 'inferred', wording: 'this week' },
        },
      ],
    });
    // A second date, asked for after the first was filled: the first stays as typed.
    await page.getByRole('button', { name: 'Add another date' }).click();
    await page.locator('#f-about-1').waitFor();
    await expect(page.locator('#f-about-0-date-onOrAfter').inputValue()).resolves.toBe('2025-05-12');
    await expect(page.locator('#f-about-0-date-on').isVisible()).resolves.toBe(false);
    await page.locator('#f-about-1-label').fill('the day Trump said he might attend');
    await fillDate(page, 'about.1.date', { precision: 'day', on: '2025-05-16', certainty: 'explicit' });
    const id = await record(page);
    expect((await fact(id)).about).toEqual([
      {
        label: 'the talks',
        date: { precision: 'bounded', onOrAfter: '2025-05-12', onOrBefore: '2025-05-18', certainty: 'inferred', wording: 'this week' },
      },
      { label: 'the day Trump said he might attend', date: { precision: 'day', on: '2025-05-16', certainty: 'explicit' } },
    ]);
  });
});
