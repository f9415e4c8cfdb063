import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { seedIstanbul } from '../support/seed-sample';
import { listen, startTestApp, TestApp } from '../support/test-app';

/** A fact of data/seed/istanbul-facts.json, the fields this suite holds the timeline to. */
interface ListedFact {
  key: string;
  title: string;
  status: string;
  when: { precision: string; on?: string; onOrBefore?: string; onOrAfter?: string; from?: string };
  about?: { label: string; date: ListedFact['when'] }[];
  relations?: { relation: 'before' | 'after' | 'same-day'; fact: string }[];
  sources: { name?: string; attribution: string }[];
  amendments?: { changes: { summary?: string; participants?: { name: string }[] } }[];
}

interface Entry {
  type: 'diplomatic-event' | 'about-date' | 'story-revision';
  id: string;
  title?: string;
  fact?: string;
  factTitle?: string;
  label?: string;
  date: string;
  heading: { kind: string } | null;
  status?: string;
  summary?: string;
  participants?: { name: string }[];
  sources?: { name?: string; attribution: string }[];
  relations?: { relation: string; fact: string }[];
  revision?: number;
  publishedAt: string;
}

const facts = (JSON.parse(readFileSync('data/seed/istanbul-facts.json', 'utf8')) as { facts: ListedFact[] }).facts;
const revisions = (JSON.parse(readFileSync('data/seed/istanbul-talks.json', 'utf8')) as { story: { revisions: { publishedAt: string }[] } })
  .story.revisions;

/**
 * Where the fact list says a date is filed, written out from docs/dates.md ("Placement") rather
 * than taken from the domain's own function, so that the two can disagree: a day on itself, a
 * period on its first day, an upper bound on that bound, a lower bound alone on itself, a
 * month on its last day, a year on 31 December.
 */
function filedOn(when: ListedFact['when']): { date: string; heading: string } {
  switch (when.precision) {
    case 'day':
      return { date: when.on!, heading: 'day' };
    case 'period':
      return { date: when.from!, heading: 'day' };
    case 'year':
      return { date: `${when.on}-12-31`, heading: 'year' };
    case 'month': {
      const [y, m] = when.on!.split('-').map(Number);
      return { date: `${when.on}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`, heading: 'month' };
    }
    case 'bounded':
      if (when.onOrBefore === undefined) return { date: when.onOrAfter!, heading: 'on-or-after' };
      return { date: when.onOrBefore, heading: when.onOrAfter === undefined ? 'on-or-before' : 'between' };
    default:
      throw new Error(`the fact list has a precision this suite does not know: ${when.precision}`);
  }
}

/**
 * The fixture test of issue 16: the Istanbul sample, loaded by the seed command's own code, is
 * on the timeline exactly as its fact list (data/seed/istanbul-facts.json) says: every fact once,
 * on the day its date knowledge gives and under the heading that says how it is known, each date
 * a fact is about as an entry of its own, the statuses, attributions and the amendment as
 * listed, the day's facts in the order their relations give, and nothing else.
 */
describe('the seeded Istanbul timeline matches its fact list', () => {
  let t: TestApp;
  let entries: Entry[];
  const byTitle = new Map<string, Entry>();
  const idOf = (key: string) => {
    const title = facts.find((f) => f.key === key)?.title;
    const entry = title === undefined ? undefined : byTitle.get(title);
    if (!entry) throw new Error(`no entry for the listed fact ${key}`);
    return entry.id;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const seeded = await seedIstanbul(await listen(t));
    // Wide enough for the earliest (2022) and the latest (an about date in the week of the talks) filing.
    const res = await t.http().get(`/timeline?from=2022-01-01&to=2025-12-31&minPosition=${seeded.position}`).expect(200);
    entries = (res.body as { days: { date: string; entries: Entry[] }[] }).days.flatMap((d) => {
      for (const e of d.entries) expect(e.date).toBe(d.date);
      return d.entries;
    });
    for (const e of entries) if (e.type === 'diplomatic-event') byTitle.set(e.title!, e);
  }, 120_000);
  afterAll(async () => t.close());

  it('lists the 28 facts once each, and no fact the list does not have', () => {
    const titles = entries.filter((e) => e.type === 'diplomatic-event').map((e) => e.title);
    expect(facts).toHaveLength(28);
    expect([...titles].sort()).toEqual(facts.map((f) => f.title).sort());
  });

  it.each(facts.map((f) => [f.key, f] as const))(
    '%s: filed where its date knowledge says, with its status and attribution',
    (_key, fact) => {
      const entry = byTitle.get(fact.title)!;
      const where = filedOn(fact.when);
      expect({ date: entry.date, heading: entry.heading?.kind }).toEqual(where);
      expect(entry.status).toBe(fact.status);
      expect(entry.sources).toEqual(fact.sources);
      // Filed on a day only when the text gives one: nothing sits on 1 May, where no fact is dated.
      expect(entry.date).not.toBe('2025-05-01');
    },
  );

  it('each date a fact is about is an entry of its own, on its day, with its label and the fact it belongs to', () => {
    const expected = facts.flatMap((f) =>
      (f.about ?? []).map((a) => ({ factTitle: f.title, label: a.label, date: filedOn(a.date).date, heading: filedOn(a.date).heading })),
    );
    const about = entries
      .filter((e) => e.type === 'about-date')
      .map((e) => ({ factTitle: e.factTitle, label: e.label, date: e.date, heading: e.heading?.kind }));
    expect(about).toHaveLength(expected.length);
    expect(about).toEqual(expect.arrayContaining(expected));
    // The article's 12 May, once only inside a title, is a day of the timeline.
    expect(about.filter((a) => a.date === '2025-05-12')).toEqual([expect.objectContaining({ heading: 'day' })]);
  });

  it("puts each day's facts in the order their relations give", () => {
    const relations = facts.flatMap((f) => (f.relations ?? []).map((r) => ({ from: f, ...r })));
    let checked = 0;
    for (const r of relations) {
      const a = byTitle.get(r.from.title)!;
      const b = entries.find((e) => e.id === idOf(r.fact))!;
      expect(a.relations).toContainEqual({ relation: r.relation, fact: b.id });
      // Order holds among facts filed under the same heading of the same day.
      if (a.date !== b.date || a.heading?.kind !== b.heading?.kind || r.relation === 'same-day') continue;
      const [ia, ib] = [entries.indexOf(a), entries.indexOf(b)];
      expect({ fact: r.from.key, relation: r.relation, other: r.fact, order: ia < ib ? 'before' : 'after' }).toEqual({
        fact: r.from.key,
        relation: r.relation,
        other: r.fact,
        order: r.relation,
      });
      checked++;
    }
    // The 16 May meetings held "earlier in the day" and the statement made after the talks opened, at least.
    expect(checked).toBeGreaterThanOrEqual(5);
  });

  it('shows the amendment the list records, in place of the first version', () => {
    const amended = facts.filter((f) => f.amendments?.length);
    expect(amended.length).toBeGreaterThan(0);
    for (const fact of amended) {
      const last = fact.amendments!.at(-1)!.changes;
      const entry = byTitle.get(fact.title)!;
      if (last.summary !== undefined) expect(entry.summary).toBe(last.summary);
      if (last.participants !== undefined) expect(entry.participants!.map((p) => p.name)).toEqual(last.participants.map((p) => p.name));
    }
  });

  it("marks each of the story's revisions on the day and at the time the newsroom published it", () => {
    const updates = entries.filter((e) => e.type === 'story-revision');
    expect(updates.map((e) => e.revision)).toEqual(revisions.map((_, i) => i + 1));
    expect(updates.map((e) => e.publishedAt)).toEqual(revisions.map((r) => new Date(r.publishedAt).toISOString()));
    expect(updates.map((e) => e.date)).toEqual(revisions.map((r) => r.publishedAt.slice(0, 10)));
  });

  it("reads as the newsroom published it, not as Dateline stored it today: the story page's dates, its revisions and each fact's report time", async () => {
    const story = (await t.http().get('/stories/istanbul-peace-talks-2025').set('Accept', 'text/html').expect(200)).text;
    expect(story).toMatch(/Published <time datetime="2025-05-16T10:40:00.000Z">16 May 2025, 10:40 UTC<\/time>/);
    expect(story).toMatch(/Updated <time datetime="2025-05-16T14:50:00.000Z">16 May 2025, 14:50 UTC<\/time>/);
    const rows = [...story.matchAll(/<td data-label="Published"><time datetime="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(revisions.map((r) => new Date(r.publishedAt).toISOString()));
    const may16 = (await t.http().get('/?from=2025-05-16&to=2025-05-16').set('Accept', 'text/html').expect(200)).text;
    const reported = [...may16.matchAll(/<p class="reported">([^<·]+)/g)].map((m) => m[1].trim());
    expect(reported.length).toBeGreaterThan(20);
    for (const line of reported) expect(line).toMatch(/^(Reported|Amended \(version \d+\)) 16 May 2025, \d\d:\d\d UTC$/);
    expect(reported).toContain('Amended (version 2) 16 May 2025, 13:10 UTC');
  });

  describe('both kinds of "as of" work on the archive sample', () => {
    const titlesOf = (body: { entries: Entry[] }) =>
      body.entries
        .filter((e) => e.type === 'diplomatic-event')
        .map((e) => e.title)
        .sort();
    const reportedBy = (revision: number) =>
      facts
        .filter((f) => (f as ListedFact & { revision: number }).revision <= revision && filedOn(f.when).date === '2025-05-16')
        .map((f) => f.title)
        .sort();

    it('asPublished (editorial time): at noon on 16 May, the facts of revisions 1 and 2 only, the Medinsky fact before its amendment', async () => {
      const noon = (await t.http().get('/timeline/2025-05-16?asPublished=2025-05-16T12:00:00Z').expect(200)).body as { entries: Entry[] };
      expect(titlesOf(noon)).toEqual(reportedBy(2));
      expect(reportedBy(2).length).toBeLessThan(reportedBy(5).length);
      const medinsky = facts.find((f) => f.amendments?.length)!;
      const then = noon.entries.find((e) => e.title === medinsky.title)!;
      expect(then.summary).not.toBe(medinsky.amendments!.at(-1)!.changes.summary);
      const page = (
        await t.http().get('/?from=2025-05-16&to=2025-05-16&asPublished=2025-05-16T12:00').set('Accept', 'text/html').expect(200)
      ).text;
      expect(page).toContain('Showing what the newsroom had published by');
      expect(page).not.toContain(
        reportedBy(5)
          .find((title) => !reportedBy(2).includes(title))!
          .replace(/"/g, '&quot;'),
      );
    });

    it('asOf (recorded time): when revision 2 was recorded, the facts of revision 1 only', async () => {
      const second = entries.find((e) => e.type === 'story-revision' && e.revision === 2) as Entry & { recordedAt: string };
      const asOf = encodeURIComponent(second.recordedAt);
      const then = (await t.http().get(`/timeline/2025-05-16?asOf=${asOf}`).expect(200)).body as { entries: Entry[] };
      expect(titlesOf(then)).toEqual(reportedBy(1));
    });
  });
});
