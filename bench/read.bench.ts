/**
 * GET /timeline/:date throughput and latency with N events in the store (default 1M), against
 * a bare Nest route on the same platform (Fastify) answering the same body, in the same run,
 * with autocannon (10 connections, 10 s each).
 *
 *   npm run build && npx nest build bench-bare && npx tsx bench/read.bench.ts [--events 1000000]
 */
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { PROJECTION_CLASSES, rebuildProjections } from '@dateline/projections';
import { createTempDatabase } from '../test/support/temp-database';
import { describeMachine } from './machine';
import { fillSyntheticLog } from './support/synthetic-log';
import { startProcess, startService, stop } from './support/service-process';

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' } } });
const EVENTS = Number(values.events);

async function load(url: string) {
  const r = await autocannon({ url, connections: 10, duration: Number(values.seconds) });
  return { requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function main(): Promise<void> {
  const db = await createTempDatabase('dateline_bench');
  const sql = new PgClient(db.url, 4);
  try {
    const store = await PostgresEventStore.create(sql);
    let t = performance.now();
    const { sampleDate } = await fillSyntheticLog(sql, EVENTS);
    console.log(`${EVENTS} events written in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    t = performance.now();
    await rebuildProjections(store, sql, PROJECTION_CLASSES.map((P) => new P()));
    await sql.query('VACUUM ANALYZE');
    console.log(`read models built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    await store.close();

    const service = await startService(db.url, 3921);
    const path = `/timeline/${sampleDate}`;
    const body = await (await fetch(`http://127.0.0.1:3921${path}`)).text();
    const entries = (JSON.parse(body) as { entries: unknown[] }).entries.length;
    await load(`http://127.0.0.1:3921${path}`); // warm-up
    const dateline = await load(`http://127.0.0.1:3921${path}`);
    await stop(service);

    const bodyFile = join(tmpdir(), 'dateline-bare-body.json');
    writeFileSync(bodyFile, body);
    const bare = await startProcess('dist/bench/bare-nest/main.js', { BARE_BODY_FILE: bodyFile, PORT: '3922' }, 'bare: listening');
    await load(`http://127.0.0.1:3922${path}`);
    const peer = await load(`http://127.0.0.1:3922${path}`);
    await stop(bare);

    const report = {
      benchmark: 'timeline-read',
      date: new Date().toISOString(),
      events: EVENTS,
      route: `GET ${path}`,
      entriesInAnswer: entries,
      answerBytes: body.length,
      dateline,
      bareNest: peer,
      throughputRatio: +(dateline.requestsPerSec / peer.requestsPerSec).toFixed(2),
      machine: await describeMachine(db.url),
    };
    console.log(JSON.stringify({ ...report, machine: undefined }, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-read.json`;
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`written to ${file}`);
  } finally {
    await sql.close();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
