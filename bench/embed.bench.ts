/**
 * The embed beside the reader page (issue 20: "the embed page cached like the reader page").
 * Against the service built in dist/ on PostgreSQL, with a synthetic log of `events` events in
 * the read models and one story of 40 dated facts written through the API: each page with
 * autocannon (10 connections, `seconds` each after a warm-up) as served (the read cache on),
 * then revalidated with If-None-Match (304s), then with the read cache off (what the first
 * reader after a write gets). Reported: requests/s, p50/p99, and the embed's share of the
 * reader page's throughput in each case, measured in the same run.
 *
 *   npm run build && npx tsx bench/embed.bench.ts [--events 100000] [--seconds 10] [--quick]
 */
import { parseArgs } from 'node:util';
import { PgClient } from '@dateline/event-store';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { freePort } from '../test/support/service-process';
import { describeMachine } from './machine';
import { load } from './read.bench';
import { cli, Log, RunOptions, writeReport } from './support/bench-cli';
import { seedFacts, waitForFacts } from './support/fact-seed';
import { BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';
import { seedStories, storyTexts, waitForStories } from './support/story-seed';
import { projectedSyntheticLog } from './support/projected-log';

/** Goal: the embed served at least as fast as the reader page, cached and revalidated (a ratio of 1 within the runs' spread). */
export const EMBED_GOALS = { ratioToReaderPage: 1 };

export interface EmbedOptions extends RunOptions {
  events?: number;
  seconds?: number;
}

type Load = Awaited<ReturnType<typeof load>>;

const summary = (r: Load) => ({ requestsPerSec: r.requestsPerSec, p50Ms: r.p50Ms, p99Ms: r.p99Ms, non2xx: r.non2xx, errors: r.errors });

async function measure(events: number, seconds: number, log: Log) {
  const db = await createTempDatabase('dateline_bench');
  const sql = new PgClient(db.url, 4);
  try {
    await projectedSyntheticLog(sql, events, log);

    const warm = Math.max(2, Math.round(seconds / 3));
    const serve = async (env: NodeJS.ProcessEnv, seed: boolean) => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const service = await startService(db.url, port, env);
      try {
        if (seed) {
          const seeded = await seedStories(base, BENCH_EDITOR_TOKEN, 1, 3);
          await waitForStories(base, seeded, 120_000);
          const facts = await seedFacts(base, BENCH_EDITOR_TOKEN, seeded.ids[0], 40);
          await waitForFacts(base, facts.lastId, facts.position, 120_000);
        }
        const pages = { readerPage: '/', embed: `/embed/stories/${storyTexts(0, 3).slug}` };
        const out: Record<string, { answer: Load; notModified?: Load; bytes: number }> = {};
        for (const [name, path] of Object.entries(pages)) {
          const first = await fetch(base + path, { headers: { accept: 'text/html' } });
          const bytes = (await first.arrayBuffer()).byteLength;
          if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
          const etag = first.headers.get('etag');
          await load(base + path, warm, service.pid!, { accept: 'text/html' });
          const answer = await load(base + path, seconds, service.pid!, { accept: 'text/html' });
          const notModified =
            etag && env.DATELINE_READ_CACHE_ENTRIES !== '0'
              ? await load(base + path, seconds, service.pid!, { accept: 'text/html', 'if-none-match': etag })
              : undefined;
          out[name] = { answer, ...(notModified ? { notModified } : {}), bytes };
        }
        return out;
      } finally {
        await stop(service);
      }
    };
    const cached = await serve({}, true);
    const uncached = await serve({ DATELINE_READ_CACHE_ENTRIES: '0' }, false);
    const ratio = (a: Load | undefined, b: Load | undefined) => (a && b ? +(a.requestsPerSec / b.requestsPerSec).toFixed(2) : undefined);
    const result = {
      events,
      seconds,
      bytes: { readerPage: cached.readerPage.bytes, embed: cached.embed.bytes },
      cached: { readerPage: summary(cached.readerPage.answer), embed: summary(cached.embed.answer) },
      notModified: {
        readerPage: cached.readerPage.notModified && summary(cached.readerPage.notModified),
        embed: cached.embed.notModified && summary(cached.embed.notModified),
      },
      uncached: { readerPage: summary(uncached.readerPage.answer), embed: summary(uncached.embed.answer) },
      embedToReaderPage: {
        cached: ratio(cached.embed.answer, cached.readerPage.answer),
        notModified: ratio(cached.embed.notModified, cached.readerPage.notModified),
        uncached: ratio(uncached.embed.answer, uncached.readerPage.answer),
      },
    };
    const line = (name: string, r: { readerPage?: ReturnType<typeof summary>; embed?: ReturnType<typeof summary> }) =>
      `${name}: reader page ${r.readerPage?.requestsPerSec} req/s p99 ${r.readerPage?.p99Ms} ms, embed ${r.embed?.requestsPerSec} req/s p99 ${r.embed?.p99Ms} ms`;
    log(line('cached', result.cached));
    log(line('304', result.notModified));
    log(line('cache off', result.uncached));
    log(
      `embed / reader page: cached ${result.embedToReaderPage.cached}, 304 ${result.embedToReaderPage.notModified}, cache off ${result.embedToReaderPage.uncached}`,
    );
    return result;
  } finally {
    await sql.close();
    await db.drop();
  }
}

export async function run(options: EmbedOptions = {}) {
  const log = options.log ?? console.log;
  const events = options.events ?? (options.quick ? 20_000 : 100_000);
  const seconds = options.seconds ?? (options.quick ? 2 : 10);
  return {
    benchmark: 'embed',
    date: new Date().toISOString(),
    connections: 10,
    goals: EMBED_GOALS,
    machine: await describeMachine(TEST_PG_ADMIN_URL),
    results: [await measure(events, seconds, log)],
  };
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: { events: { type: 'string' }, seconds: { type: 'string' }, quick: { type: 'boolean', default: false } },
    });
    const report = await run({
      quick: values.quick,
      events: values.events ? Number(values.events) : undefined,
      seconds: values.seconds ? Number(values.seconds) : undefined,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-embed${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
