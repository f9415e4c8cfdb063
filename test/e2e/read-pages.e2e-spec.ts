import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { orderTimeline, TimelineEntry } from '@dateline/domain';
import { BACKENDS, StartedBackend } from '../support/backends';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { bearer, TestApp } from '../support/test-app';

/** The day with more entries than ten pages, and one nobody else writes to. */
const DAY = '2031-03-14';
const FACTS = 1100;

interface Written {
  readonly id: string;
  readonly version: number;
  readonly position: number;
}

interface DayAnswer {
  readonly position: number;
  readonly entries: (TimelineEntry & { id: string; version: number; title?: string })[];
  readonly next?: string;
}

/** Runs `work` over `items`, `width` at a time: writes arrive together, as from several editors. */
async function inParallel<T, R>(items: readonly T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

describe.each(BACKENDS)('pages of a list that grows (%s)', (_name, start) => {
  let backend: StartedBackend;
  let t: TestApp;
  let storyId: string;
  let initial: Written[];
  let talks: Written;
  let beforeTalks: Written;

  const post = async (path: string, body: unknown): Promise<Written> => {
    const res = await t
      .http()
      .post(path)
      .set(bearer())
      .send(body as object);
    expect({ path, status: res.status, body: res.status === 201 ? undefined : (res.body as unknown) }).toEqual({ path, status: 201 });
    lastWrite = Math.max(lastWrite, (res.body as Written).position);
    return res.body as Written;
  };
  /** The position of the latest write: a read with it as minPosition sees every write of the suite. */
  let lastWrite = 0;
  const caughtUp = (position: number) => t.http().get(`/timeline/${DAY}?limit=1&minPosition=${position}`).expect(200);
  const fact = (title: string, over: Record<string, unknown> = {}) =>
    diplomaticEvent({ title, when: onDay(DAY), participants: [{ name: 'Delegation', country: 'FR' }], quotes: [], ...over });
  const at = (hour: number, minute = 0) =>
    onDay(DAY, { at: `${DAY}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`, timezone: 'UTC' });

  beforeAll(async () => {
    backend = await start();
    t = backend.app;
    storyId = (await post('/stories', story())).id;
    // The talks at noon, and a fact "earlier in the day, before the talks": it sorts at noon, just before them.
    talks = await post('/diplomatic-events', fact('The talks', { when: at(12), storyIds: [storyId] }));
    beforeTalks = await post(
      '/diplomatic-events',
      fact('Before the talks', { storyIds: [storyId], relations: [{ relation: 'before', fact: talks.id }] }),
    );
    // Every fifth fact has a time; the others follow the timed ones in recording order.
    const made = await inParallel(
      Array.from({ length: FACTS - 2 }, (_, i) => i),
      8,
      (i) => post('/diplomatic-events', fact(`Fact ${i}`, i % 5 === 0 ? { when: at(6 + (i % 12), i % 60) } : {})),
    );
    initial = [talks, beforeTalks, ...made];
    await caughtUp(Math.max(...initial.map((w) => w.position)));
  }, 300_000);
  afterAll(async () => {
    await t.close();
    await backend.cleanup();
  });

  it('never skips or repeats an entry while writes go on: the pages make the day as it was at the first page', async () => {
    const first = (await t.http().get(`/timeline/${DAY}`).expect(200)).body as DayAnswer;
    expect(first.entries).toHaveLength(100);
    // The first page ends among the morning's facts: the talks at noon, and the fact before them, are still to come.
    expect(first.entries.map((e) => e.id)).not.toContain(beforeTalks.id);
    const pinned = first.position;
    const pages: DayAnswer[] = [first];
    let previous = first;
    let round = 0;
    // Each fact is changed once: a second amendment would need its new version.
    const touched = new Set([talks.id, beforeTalks.id]);
    while (previous.next) {
      // Between two pages: facts that land before, among and after what was read, amendments of
      // read and unread facts, a retraction, and (after the first page, which ends before noon) the
      // talks moved from noon to 07:00, which re-keys the unread fact before them to before the cursor.
      const seen = new Set(pages.flatMap((p) => p.entries.map((e) => e.id)));
      const unread = initial.filter((w) => !seen.has(w.id) && !touched.has(w.id));
      const read = initial.filter((w) => seen.has(w.id) && !touched.has(w.id));
      for (const w of [read[0], unread[0], unread[1]]) if (w) touched.add(w.id);
      const writes = [
        post('/diplomatic-events', fact(`Early ${round}`, { when: at(0, round) })),
        post('/diplomatic-events', fact(`Midday ${round}`, { when: at(11, round) })),
        post('/diplomatic-events', fact(`Late ${round}`)),
        post(`/diplomatic-events/${read[0].id}/amendments`, {
          expectedVersion: 1,
          changes: { title: `Read, amended ${round}` },
          reason: 'Typo',
        }),
      ];
      if (unread.length > 1) {
        writes.push(
          post(`/diplomatic-events/${unread[0].id}/amendments`, {
            expectedVersion: 1,
            changes: { title: `Unread, amended ${round}` },
            reason: 'Typo',
          }),
        );
        writes.push(post(`/diplomatic-events/${unread[1].id}/retraction`, { expectedVersion: 1, reason: 'Duplicate' }));
      }
      if (round === 0)
        writes.push(post(`/diplomatic-events/${talks.id}/amendments`, { expectedVersion: 1, changes: { when: at(7) }, reason: 'Earlier' }));
      const positions = (await Promise.all(writes)).map((w) => w.position);
      await caughtUp(Math.max(...positions));
      const page = await t
        .http()
        .get(`/timeline/${DAY}?cursor=${encodeURIComponent(previous.next)}`)
        .expect(200);
      expect(page.headers.link).toBe(page.body.next ? `</timeline/${DAY}?cursor=${page.body.next}>; rel="next"` : undefined);
      expect(page.body.position).toBe(pinned);
      pages.push(page.body as DayAnswer);
      previous = page.body as DayAnswer;
      round++;
    }
    const entries = pages.flatMap((p) => p.entries);
    // Each entry once, each as it was at the first page: every fact written by then, in its first version.
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => `${e.id}/${e.version}`).sort()).toEqual(initial.map((w) => `${w.id}/1`).sort());
    // In the day's order then, as the domain orders those entries.
    expect(entries.map((e) => e.id)).toEqual(orderTimeline(entries).map((e) => e.id));
    expect(entries.findIndex((e) => e.id === beforeTalks.id)).toBe(entries.findIndex((e) => e.id === talks.id) - 1);
    // The talks moved after the first page: the fact before them was re-keyed, and the pages kept the order of the first.
    const rekeyed = await t.storage.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM timeline_entries_v3 WHERE rekeyed_position > $1 AND entry_id = $2',
      [pinned, beforeTalks.id],
    );
    expect(rekeyed.rows[0].n).toBe(1);

    // Read afresh, the day has every write: the new facts, the amendments, not the retracted ones,
    // and the fact before the talks still before them.
    let now = (await t.http().get(`/timeline/${DAY}?limit=1000`).expect(200)).body as DayAnswer;
    const fresh = [...now.entries];
    while (now.next) {
      now = (
        await t
          .http()
          .get(`/timeline/${DAY}?limit=1000&cursor=${encodeURIComponent(now.next)}`)
          .expect(200)
      ).body as DayAnswer;
      fresh.push(...now.entries);
    }
    expect(fresh.map((e) => e.id)).toEqual(orderTimeline(fresh).map((e) => e.id));
    expect(fresh.filter((e) => e.title?.startsWith('Early ')).length).toBe(round);
    expect(fresh.findIndex((e) => e.id === beforeTalks.id)).toBe(fresh.findIndex((e) => e.id === talks.id) - 1);
    expect(fresh.find((e) => e.id === talks.id)).toMatchObject({ version: 2 });
  }, 300_000);

  it('pages a range the same way, days continued on the next page', async () => {
    const first = (await t.http().get(`/timeline?from=${DAY}&to=${DAY}&limit=700`).expect(200)).body as {
      days: { date: string; entries: { id: string }[] }[];
      next?: string;
    };
    expect(first.days.map((d) => d.date)).toEqual([DAY]);
    expect(first.days[0].entries).toHaveLength(700);
    const second = (
      await t
        .http()
        .get(`/timeline?from=${DAY}&to=${DAY}&limit=700&cursor=${encodeURIComponent(first.next!)}`)
        .expect(200)
    ).body as { days: { entries: { id: string }[] }[]; next?: string };
    const ids = [...first.days[0].entries, ...second.days[0].entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.next).toBeUndefined();
  });

  it('shows a day of the reader page a hundred entries at a time, "More entries of this day" leading to the rest', async () => {
    await caughtUp(lastWrite);
    const ids: string[] = [];
    let href: string | undefined = `/?from=${DAY}&to=${DAY}`;
    let pages = 0;
    while (href) {
      const page = await t.http().get(href).set('Accept', 'text/html').expect(200);
      const facts = [...page.text.matchAll(/<li class="entry entry--fact[^"]*" id="event-([0-9a-f-]+)"/g)].map((m) => m[1]);
      expect(facts.length).toBeLessThanOrEqual(100);
      ids.push(...facts);
      const more = /<a href="([^"]+)" rel="next">More entries of this day<\/a>/.exec(page.text);
      href = more ? more[1].replaceAll('&amp;', '&') : undefined;
      if (pages > 0) expect(page.text).toContain('(continued)');
      pages++;
    }
    expect(pages).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    const day = await t.http().get(`/timeline/${DAY}?limit=1000`).expect(200);
    expect(ids.length).toBeGreaterThan(FACTS);
    expect(ids.slice(0, 1000)).toEqual((day.body as DayAnswer).entries.map((e) => e.id));
  });

  it("pages a story's revisions and a fact's history, each page at the first page's position", async () => {
    const s = await post('/stories', story({ body: 'Text' }));
    for (let n = 2; n <= 5; n++)
      await post(`/stories/${s.id}/revisions`, {
        expectedRevision: n - 1,
        body: `Text ${n % 2 === 0 ? 'again' : 'again.'}`,
        kind: 'update',
        changeNote: `n${n}`,
      });
    const all = (await t.http().get(`/stories/${s.id}/revisions?minPosition=${lastWrite}`).expect(200)).body as {
      revisions: { revision: number; boring: boolean }[];
    };
    const first = await t.http().get(`/stories/${s.id}/revisions?limit=2`).expect(200);
    expect(first.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(first.headers.link).toBe(`</stories/${s.id}/revisions?limit=2&cursor=${first.body.next}>; rel="next"`);
    await post(`/stories/${s.id}/revisions`, { expectedRevision: 5, body: 'Six', kind: 'update', changeNote: 'n6' });
    const second = await t.http().get(`/stories/${s.id}/revisions?limit=2&cursor=${first.body.next}`).expect(200);
    const third = await t.http().get(`/stories/${s.id}/revisions?limit=2&cursor=${second.body.next}`).expect(200);
    expect(third.body.next).toBeUndefined();
    // The sixth revision came after the first page: not in these pages; each `boring` as in the whole list.
    expect([...first.body.revisions, ...second.body.revisions, ...third.body.revisions]).toEqual(all.revisions);

    const e = await post('/diplomatic-events', fact('Changed often', { when: onDay('2031-03-15') }));
    for (let v = 1; v <= 3; v++)
      await post(`/diplomatic-events/${e.id}/amendments`, { expectedVersion: v, changes: { summary: `Summary ${v}` }, reason: `r${v}` });
    const h1 = await t.http().get(`/diplomatic-events/${e.id}?limit=3&minPosition=${lastWrite}`).expect(200);
    expect(h1.body.history.map((h: { version: number }) => h.version)).toEqual([1, 2, 3]);
    expect(h1.body).toMatchObject({ version: 4, summary: 'Summary 3' });
    await post(`/diplomatic-events/${e.id}/retraction`, { expectedVersion: 4, reason: 'Wrong' });
    const h2 = await t.http().get(`/diplomatic-events/${e.id}?limit=3&cursor=${h1.body.next}`).expect(200);
    // As of the first page: version 4 is the last, and the fact still stands.
    expect(h2.body).toMatchObject({ version: 4, state: 'active', position: h1.body.position });
    expect(h2.body.history.map((h: { version: number }) => h.version)).toEqual([4]);
    expect(h2.body.next).toBeUndefined();
  });

  it("keeps story revisions in their place when facts fill a page: an earlier day's on it, the same day's after the day's facts", async () => {
    // Two past days (editorial time is never in the future) nobody else writes to: a story
    // published on the first, revised on the second,
    // and three facts on the second. A day's revisions follow all its facts.
    const [early, late] = ['2021-04-01', '2021-04-02'];
    const s = await post('/stories', story({ body: 'Text', publishedAt: `${early}T08:00:00Z` }));
    const revised = await post(`/stories/${s.id}/revisions`, {
      expectedRevision: 1,
      body: 'Text, and more.',
      kind: 'update',
      changeNote: 'More',
      publishedAt: `${late}T20:00:00Z`,
    });
    for (const title of ['Late one', 'Late two', 'Late three']) await post('/diplomatic-events', fact(title, { when: onDay(late) }));
    await caughtUp(lastWrite);
    const label = (e: DayAnswer['entries'][number]): string => (e.type === 'story-revision' ? `revision ${e.date}` : (e.title ?? e.id));

    const rangePages: string[][] = [];
    let href: string | undefined = `/timeline?from=${early}&to=${late}&limit=2`;
    while (href) {
      const page = (await t.http().get(href).expect(200)).body as { days: { entries: DayAnswer['entries'] }[]; next?: string };
      rangePages.push(page.days.flatMap((d) => d.entries.map(label)));
      href = page.next && `/timeline?from=${early}&to=${late}&limit=2&cursor=${page.next}`;
    }
    expect(rangePages).toEqual([[`revision ${early}`, 'Late one'], ['Late two', 'Late three'], [`revision ${late}`]]);

    const first = (await t.http().get(`/timeline/${late}?limit=2`).expect(200)).body as DayAnswer;
    const second = (await t.http().get(`/timeline/${late}?limit=2&cursor=${first.next!}`).expect(200)).body as DayAnswer;
    expect([first.entries.map(label), second.entries.map(label), second.next]).toEqual([
      ['Late one', 'Late two'],
      ['Late three', `revision ${late}`],
      undefined,
    ]);
    expect(second.entries[1]).toMatchObject({ type: 'story-revision', id: s.id, revision: 2 });
    expect(revised.position).toBeLessThanOrEqual(first.position);
  });

  it('answers a bad limit or cursor with a 400 naming it, on every paged route', async () => {
    const day = (await t.http().get(`/timeline/${DAY}?limit=10`).expect(200)).body as DayAnswer;
    const [body, mac] = day.next!.split('.');
    const tampered = `${Buffer.from(
      Buffer.from(body, 'base64url')
        .toString()
        .replace(/"p":\d+/, '"p":1'),
    ).toString('base64url')}.${mac}`;
    const routes = [
      `/timeline/${DAY}`,
      `/timeline?from=${DAY}&to=${DAY}`,
      `/stories/${storyId}/revisions`,
      `/diplomatic-events/${talks.id}`,
    ];
    for (const route of routes) {
      const join = route.includes('?') ? '&' : '?';
      for (const limit of ['0', '1001', 'ten', '1.5', '-1'])
        expect((await t.http().get(`${route}${join}limit=${limit}`).expect(400)).body.message.join(' ')).toMatch(
          /^limit must be a page size/,
        );
      for (const cursor of ['nonsense', 'a.b', tampered, day.next!]) {
        const res = await t.http().get(`${route}${join}cursor=${encodeURIComponent(cursor)}`);
        // The day's own cursor is good on the day; everywhere else it belongs to another query.
        if (route === `/timeline/${DAY}` && cursor === day.next) continue;
        expect({ route, cursor, status: res.status }).toEqual({ route, cursor, status: 400 });
        expect(res.body.message.join(' ')).toMatch(/^cursor /);
      }
    }
    const other = await t.http().get(`/timeline/2031-03-15?cursor=${day.next!}`).expect(400);
    expect(other.body.message.join(' ')).toMatch(/^cursor belongs to another query/);
    const page = await t.http().get(`/?from=${DAY}&to=${DAY}&cursor=nonsense`).set('Accept', 'text/html').expect(400);
    expect(page.text).toMatch(/cursor is not a cursor of this service/);
  });
});
