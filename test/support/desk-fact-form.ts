import type { Page } from 'playwright-core';

/** A fact as data/seed/istanbul-facts.json writes it (relations name other facts by key). */
export interface FactInput {
  readonly title: string;
  readonly kind: string;
  readonly summary?: string;
  readonly when: Readonly<Record<string, string>>;
  readonly status?: string;
  readonly relations?: readonly { readonly relation: string; readonly fact: string }[];
  readonly about?: readonly { readonly label: string; readonly date: Readonly<Record<string, string>> }[];
  readonly participants?: readonly { readonly name: string; readonly role?: string; readonly country?: string }[];
  readonly sources?: readonly Readonly<Record<string, string>>[];
  readonly quotes?: readonly {
    readonly text: string;
    readonly speaker: string;
    readonly speakerInferred: boolean;
    readonly context?: string;
  }[];
  readonly location?: { readonly name: string; readonly country?: string };
  readonly cameoCode?: string;
}

const LISTS = {
  relations: 'Add another relation',
  about: 'Add another date',
  participants: 'Add another participant',
  sources: 'Add another source',
  quotes: 'Add another quote',
} as const;

const id = (path: string) => `#f-${path.replace(/\./g, '-')}`;

async function fillIf(page: Page, path: string, value: string | undefined): Promise<void> {
  if (value !== undefined) await page.locator(id(path)).fill(value);
}

/** A date's controls, precision first: with the desk script on, only that precision's inputs are enabled. */
export async function fillDate(page: Page, prefix: string, d: Readonly<Record<string, string>>): Promise<void> {
  await page.locator(id(`${prefix}.precision`)).selectOption(d.precision);
  for (const key of ['on', 'from', 'until', 'onOrAfter', 'onOrBefore', 'timezone', 'wording'])
    await fillIf(page, `${prefix}.${key}`, d[key]);
  await page.locator(`${id(`${prefix}.certainty`)}-${d.certainty}`).check();
}

/**
 * Fills the desk's fact form as an editor would, through its labelled controls: rows are asked
 * for with "Add another" (each a round trip to the server), then every part is filled.
 * `factIds` turns the keys relations name into the ids of facts already recorded.
 */
export async function fillFact(page: Page, f: FactInput, factIds: Readonly<Record<string, string>> = {}): Promise<void> {
  const relations = (f.relations ?? []).filter((r) => factIds[r.fact] !== undefined);
  const wanted = {
    relations: relations.length,
    about: f.about?.length ?? 0,
    participants: f.participants?.length ?? 0,
    sources: f.sources?.length ?? 0,
    quotes: f.quotes?.length ?? 0,
  };
  for (const [list, add] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
    for (let rows = await page.locator(`#f-${list} > fieldset.row`).count(); rows < wanted[list]; rows++) {
      await page.getByRole('button', { name: add }).click();
      await page.locator(`#f-${list}-${rows}`).waitFor();
    }
  }
  await page.getByLabel('Title', { exact: true }).fill(f.title);
  await page.getByLabel('Kind', { exact: true }).selectOption(f.kind);
  await fillIf(page, 'summary', f.summary);
  await fillDate(page, 'when', f.when);
  if (f.status) await page.getByLabel('Status', { exact: true }).selectOption(f.status);
  for (const [i, r] of relations.entries()) {
    await page.locator(id(`relations.${i}.relation`)).selectOption(r.relation);
    await page.locator(id(`relations.${i}.fact`)).selectOption(factIds[r.fact]);
  }
  for (const [i, a] of (f.about ?? []).entries()) {
    await fillIf(page, `about.${i}.label`, a.label);
    await fillDate(page, `about.${i}.date`, a.date);
  }
  for (const [i, p] of (f.participants ?? []).entries()) {
    await fillIf(page, `participants.${i}.name`, p.name);
    await fillIf(page, `participants.${i}.role`, p.role);
    await fillIf(page, `participants.${i}.country`, p.country);
  }
  for (const [i, s] of (f.sources ?? []).entries()) {
    await page.locator(id(`sources.${i}.attribution`)).selectOption(s.attribution);
    for (const key of ['name', 'wording', 'url', 'note']) await fillIf(page, `sources.${i}.${key}`, s[key]);
  }
  for (const [i, q] of (f.quotes ?? []).entries()) {
    await fillIf(page, `quotes.${i}.text`, q.text);
    await fillIf(page, `quotes.${i}.speaker`, q.speaker);
    await fillIf(page, `quotes.${i}.context`, q.context);
    await page.locator(id(`quotes.${i}.speakerInferred`)).setChecked(q.speakerInferred);
  }
  await fillIf(page, 'location.name', f.location?.name);
  await fillIf(page, 'location.country', f.location?.country);
  await fillIf(page, 'cameoCode', f.cameoCode);
}
