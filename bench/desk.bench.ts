/**
 * Server time of the editor desk's pages (issue 17): each page driven at a steady 50 requests/s
 * with a signed-in session, against the JSON API route that reads the same data, on the built
 * service with PostgreSQL, seeded through the API with 200 stories of 3 revisions each.
 *
 * Server time is the service's own: its access log's time per request (Fastify's elapsed time,
 * bench/support/access-log-times.ts). The requests go out in an open loop, one every 1/rate s
 * (bench/support/open-loop.ts); their latency on loopback, from the instant each was due, is
 * reported beside it.
 * Goal: p99 < 50 ms at 50 req/s for every page.
 *
 *   npm run build && npx tsx bench/desk.bench.ts [--seconds 10] [--rate 50] [--quick]
 */
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { freePort } from '../test/support/service-process';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { AccessLogTimes } from './support/access-log-times';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { cpuPerRequest, cpuSnapshot } from './support/cpu-time';
import { openLoop } from './support/open-loop';
import { signInToDesk, type DeskSession } from './support/desk-session';
import { percentiles } from './support/percentiles';
import { BENCH_ADMIN_TOKEN, BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';
import { seedFacts, waitForFacts } from './support/fact-seed';
import { seedStories, storyTexts, waitForStories } from './support/story-seed';

/** Goal of issue 17: every desk page answers within 50 ms at p99 when asked 50 times a second. */
export const DESK_GOALS = { p99Ms: 50, ratePerSec: 50 };
/** Requests/s of the one form post measured (a revision's preview): it writes nothing, and editors post far less than they read. */
const POST_RATE = 10;
const STORIES = 200;
const REVISIONS = 3;
/** Facts of the story whose fact pages are measured: the relation select lists them all. */
const FACTS = 30;
const SEARCH = 'geneva';

export interface DeskOptions extends RunOptions {
  seconds?: number;
  rate?: number;
}

interface Target {
  page: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** One target driven at `rate` for `seconds` in an open loop: the service's own times, the client's, and the CPU per request. */
async function drive(port: number, service: ChildProcess, times: AccessLogTimes, target: Target, rate: number, seconds: number) {
  const before = cpuSnapshot(service.pid!);
  const requestId = times.record(target.method, target.path);
  const headers = {
    ...target.headers,
    'x-request-id': requestId,
    ...(target.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(target.body)) }),
  };
  const { sent } = await openLoop(port, rate, seconds, () => ({
    label: target.page,
    path: target.path,
    method: target.method,
    headers,
    body: target.body,
  }));
  const cpu = cpuPerRequest(before, cpuSnapshot(service.pid!), sent.length);
  const samples = await times.stop();
  // A lost session answers a fast redirect to the sign-in page: such a run would look good and mean nothing.
  const failed = sent.filter((s) => s.status !== 200);
  const wrong = samples.filter((s) => s.status !== 200 || s.method !== target.method || s.url !== target.path);
  if (failed.length > 0 || wrong.length > 0)
    throw new Error(
      `${target.method} ${target.path}: ${failed.length} answers not 200 (${[...new Set(failed.map((s) => s.status))].join(', ') || 'none'}); the service logged ${[...new Set(wrong.map((s) => `${s.method} ${s.url} ${s.status}`))].join(', ') || 'nothing else'}`,
    );
  if (samples.length === 0) throw new Error(`${target.method} ${target.path}: no access-log line was read (is the log at info, as JSON?)`);
  const server = percentiles(samples.map((s) => s.ms));
  const client = percentiles(sent.map((s) => s.ms));
  return {
    requests: sent.length,
    requestsPerSec: Math.round(sent.length / seconds),
    serverMs: server,
    clientMs: { p50: client.p50, p90: client.p90, p99: client.p99, max: client.max },
    // The body as sent (compressed, when it was): a page's weight on the wire, headers aside.
    responseBytes: Math.round(sent.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, sent.length)),
    cpu,
  };
}

function get(page: string, path: string, headers: Record<string, string>): Target {
  return { page, method: 'GET', path, headers };
}

export async function run(options: DeskOptions = {}) {
  const log = options.log ?? console.log;
  const seconds = options.seconds ?? (options.quick ? 3 : 10);
  const rate = options.rate ?? DESK_GOALS.ratePerSec;
  const warm = Math.max(2, Math.round(seconds / 3));
  const db = await createTempDatabase('dateline_bench');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const service = await startService(db.url, port, {
    // The access log is where the server times come from: JSON lines, every request at info.
    DATELINE_LOG_LEVEL: 'info',
    DATELINE_LOG_FORMAT: 'json',
    // A fixed key, so the service writes no generated one into the working directory's data dir.
    DATELINE_SESSION_SECRET: 'dateline-bench-desk-session-secret-0123456789',
  });
  try {
    const times = new AccessLogTimes(service);
    let t = performance.now();
    const seeded = await seedStories(base, BENCH_EDITOR_TOKEN, STORIES, REVISIONS);
    await waitForStories(base, seeded);
    log(`${STORIES} stories × ${REVISIONS} revisions written through the API in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();

    // The story in the middle of the list gets the facts the fact pages show.
    const facts = await seedFacts(base, BENCH_EDITOR_TOKEN, seeded.ids[Math.floor(STORIES / 2)], FACTS);
    await waitForFacts(base, facts.lastId, facts.position);
    log(`${FACTS} facts of one story (one amended) written through the API`);

    const editor: DeskSession = await signInToDesk(base, BENCH_EDITOR_TOKEN);
    const admin: DeskSession = await signInToDesk(base, BENCH_ADMIN_TOKEN);
    // A story in the middle of the list, with its full history.
    const id = seeded.ids[Math.floor(STORIES / 2)];
    const desk = (s: DeskSession) => ({ cookie: s.cookie, accept: 'text/html' });
    const json = { accept: 'application/json' };
    const last = storyTexts(Math.floor(STORIES / 2), REVISIONS).revisions[REVISIONS - 1];
    const preview: Target = {
      page: 'revise, preview of the changes',
      method: 'POST',
      path: `/desk/stories/${id}/revisions`,
      headers: { ...desk(editor), origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: editor.csrf,
        headline: `${last.headline}, updated`,
        body: `${last.body}\n\nA late paragraph the editor added before saving.`,
        editorsNote: '',
        developing: 'on',
        changeNote: 'Adds the late paragraph',
        kind: 'update',
        expectedRevision: String(REVISIONS),
        intent: 'preview',
      }).toString(),
    };
    // Each page, and where one exists the JSON route that reads the same data (its peer).
    const pages: { target: Target; peer?: Target }[] = [
      { target: get('story list', '/desk/stories', desk(editor)) },
      { target: get('story list, search', `/desk/stories?q=${SEARCH}`, desk(editor)) },
      { target: get('new-story form', '/desk/stories/new', desk(editor)) },
      { target: get('revise form', `/desk/stories/${id}`, desk(editor)), peer: get('story', `/stories/${id}`, json) },
      {
        target: get('revision history', `/desk/stories/${id}/history`, desk(editor)),
        peer: get('story revisions', `/stories/${id}/revisions`, json),
      },
      { target: get('new-fact form', `/desk/stories/${id}/facts/new`, desk(editor)) },
      {
        target: get('amend-fact form', `/desk/stories/${id}/facts/${facts.lastId}/amendments`, desk(editor)),
        peer: get('fact', `/diplomatic-events/${facts.lastId}`, json),
      },
      {
        target: get('fact history', `/desk/stories/${id}/facts/${facts.lastId}/history`, desk(editor)),
        peer: get('fact', `/diplomatic-events/${facts.lastId}`, json),
      },
      { target: get('operations (admin)', '/desk/operations', desk(admin)) },
    ];

    const measure = async (target: Target, at: number) => {
      await drive(port, service, times, target, at, warm);
      const m = await drive(port, service, times, target, at, seconds);
      log(
        `${target.method} ${target.path} at ${at}/s: server p50 ${m.serverMs.p50} ms, p99 ${m.serverMs.p99} ms; client p99 ${m.clientMs.p99} ms; CPU ${m.cpu.serverUs} + PostgreSQL ${m.cpu.postgresUs} µs/request; ${m.responseBytes} bytes per response`,
      );
      return { page: target.page, route: `${target.method} ${target.path.replace(id, ':id')}`, ratePerSec: at, ...m };
    };
    const results = [];
    for (const { target, peer } of pages) {
      const measured = await measure(target, rate);
      const api = peer ? await measure(peer, rate) : undefined;
      results.push({
        ...measured,
        ...(api ? { peer: api, p99Ratio: +(measured.serverMs.p99 / Math.max(0.01, api.serverMs.p99)).toFixed(2) } : {}),
      });
    }
    const post = await measure(preview, POST_RATE);
    log(`measured in ${((performance.now() - t) / 1000).toFixed(0)} s`);

    return {
      benchmark: 'desk',
      date: new Date().toISOString(),
      timing:
        "server: the service's access log (Fastify's reply.elapsedTime per request); client: an open loop's latency on loopback, from the instant each request was due",
      stories: STORIES,
      revisionsPerStory: REVISIONS,
      seconds,
      warmUpSeconds: warm,
      goals: DESK_GOALS,
      pages: results,
      post,
      machine: await describeMachine(TEST_PG_ADMIN_URL),
    };
  } finally {
    await stop(service);
    await db.drop();
  }
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: { seconds: { type: 'string' }, rate: { type: 'string' }, quick: { type: 'boolean', default: false } },
    });
    const report = await run({
      quick: values.quick,
      seconds: values.seconds ? Number(values.seconds) : undefined,
      rate: values.rate ? Number(values.rate) : undefined,
    });
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-desk${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
