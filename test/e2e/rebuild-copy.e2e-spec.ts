import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SqlClient, SqlQueryable, TransactionOptions } from '@dateline/event-store';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { readModelsAndRebuild } from '../support/read-models-vs-rebuild';
import { diplomaticEvent, onDay, story } from '../support/fixtures';
import { bearer, created, startTestApp, TestApp } from '../support/test-app';
import { whenCaughtUp } from '../support/when-caught-up';

/** Text that COPY's text format gives a meaning to, or that quoting gets wrong, in every field that holds text. */
const HOSTILE = {
  quotes: `"Ceasefire," he said, 'now' — «enfin»`,
  tabs: 'Envoy\tdelegation\t\tthird column',
  newlines: 'First line\nsecond line\r\nthird after CRLF\rlone CR',
  backslashes: 'C:\\talks\\new and \\N and \\. and a trailing \\',
  unicode: 'Zürich 東京 🇺🇦🇷🇺 👩‍👩‍👧 e\u0301 \u202eevil \ufeffbom',
  sql: `'); DROP TABLE timeline_entries_v3; --`,
  json: '{"not":"an object"} [1,2] null',
};
const ALL = Object.values(HOSTILE).join(' | ');

/**
 * The `sql` of the service, recording the COPY statements its transactions run: the rebuild
 * below must have loaded its tables with COPY, not the INSERT path the live projector uses.
 */
function recordingCopies(sql: SqlClient): { sql: SqlClient; copies: string[] } {
  const copies: string[] = [];
  const recording: SqlClient = Object.create(sql) as SqlClient;
  recording.transaction = <T>(fn: (tx: SqlQueryable) => Promise<T>, options?: TransactionOptions) =>
    sql.transaction((tx) => {
      const copyFrom = tx.copyFrom?.bind(tx);
      const seen: SqlQueryable = copyFrom
        ? {
            query: <R>(text: string, params?: unknown[]) => tx.query<R>(text, params),
            copyFrom: (statement: string, data: string) => {
              copies.push(statement);
              return copyFrom(statement, data);
            },
          }
        : tx;
      return fn(seen);
    }, options);
  return { sql: recording, copies };
}

describe('a rebuild on PostgreSQL loads its tables with COPY', () => {
  let t: TestApp;
  let db: TempDatabase;
  beforeAll(async () => {
    db = await createTempDatabase();
    t = await startTestApp({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('and gives read models byte for byte those of the live projection, hostile text and all', async () => {
    const s = await created(
      t,
      '/stories',
      story({
        headline: `${HOSTILE.quotes} ${HOSTILE.unicode}`,
        body: ALL,
        editorsNote: HOSTILE.newlines,
        byline: HOSTILE.backslashes,
        tags: [HOSTILE.tabs],
      }),
    );
    await t
      .http()
      .post(`/stories/${s.id}/revisions`)
      .set(bearer())
      .send({ expectedRevision: 1, kind: 'correction', changeNote: ALL, body: `${ALL}\n\n${HOSTILE.sql}` })
      .expect(201);
    const facts: string[] = [];
    for (const [i, [name, text]] of Object.entries(HOSTILE).entries()) {
      const fact = await created(
        t,
        '/diplomatic-events',
        diplomaticEvent({
          title: `${name}: ${text}`,
          summary: ALL,
          when: onDay('2025-05-16'),
          storyIds: [s.id],
          participants: [{ name: text, country: 'FR' }],
          quotes: [{ text, speaker: HOSTILE.unicode, speakerInferred: false }],
          sources: [{ attribution: 'named-source', name: text }],
          // Relations between them order the day, so re-keys run too.
          ...(facts.length > 0 ? { relations: [{ relation: i % 2 === 0 ? 'after' : 'before', fact: facts[facts.length - 1] }] } : {}),
        }),
      );
      facts.push(fact.id);
    }
    await t
      .http()
      .post(`/diplomatic-events/${facts[1]}/amendments`)
      .set(bearer())
      .send({ expectedVersion: 1, changes: { summary: `${HOSTILE.backslashes}\n${HOSTILE.tabs}` }, reason: ALL })
      .expect(201);
    await t
      .http()
      .post(`/diplomatic-events/${facts[2]}/retraction`)
      .set(bearer())
      .send({ expectedVersion: 1, reason: HOSTILE.newlines })
      .expect(201);
    await whenCaughtUp(t.storage.store, t.storage.sql);

    const { sql, copies } = recordingCopies(t.storage.sql);
    const { live, rebuilt } = await readModelsAndRebuild(t.storage.store, sql);
    expect(copies).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^COPY timeline_entries_v3__next \(/),
        expect.stringMatching(/^COPY story_revisions_v3__next \(/),
        expect.stringMatching(/^COPY diplomatic_event_versions__next \(/),
      ]),
    );
    expect(live).toMatchObject({
      // A row per fact version (no about dates; the retraction only closes one), the two
      // revisions, and a history row per write of a fact.
      'timeline.timeline_entries_v3': { rows: facts.length + 1 },
      'story-revisions.story_revisions_v3': { rows: 2 },
      'event-history.diplomatic_event_versions': { rows: facts.length + 2 },
    });
    expect(rebuilt).toEqual(live);

    // The text itself came through: not merely the same in both, but what was written.
    const { rows: titles } = await t.storage.sql.query<{ title: string }>(
      `SELECT DISTINCT fields->>'title' AS title FROM timeline_entries_v3__next`,
    );
    expect(new Set(titles.map((r) => r.title))).toEqual(new Set(Object.entries(HOSTILE).map(([name, text]) => `${name}: ${text}`)));
    const { rows: revisions } = await t.storage.sql.query<{ body: string; change_note: string | null; tags: string[] }>(
      'SELECT body, change_note, tags FROM story_revisions_v3__next ORDER BY revision',
    );
    expect(revisions).toEqual([
      { body: ALL, change_note: null, tags: [HOSTILE.tabs] },
      { body: `${ALL}\n\n${HOSTILE.sql}`, change_note: ALL, tags: [HOSTILE.tabs] },
    ]);
  });
});
