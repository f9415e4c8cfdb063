/**
 * Append throughput: Dateline's store against a raw INSERT of the same rows, and against Emmett
 * (`@event-driven-io/emmett-postgresql`, in a database of its own), on the same PostgreSQL
 * server, in the same run, at 1, 8 and 32 concurrent writers and with 100-event batches. Rounds
 * alternate the order of the sides so drift hits all of them alike.
 *
 * Then the embedded default: the same store on PGlite in a data directory, as the service opens
 * it, with its sync to disk on (ADR 0009) against a peer with sync off, at 1, 8 and 32 writers:
 * the ratio is what durability costs.
 *
 *   npx tsx bench/append.bench.ts [--seconds 3] [--rounds 2] [--only "8 writers"] [--quick] [--embedded-only]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PgClient, PgliteClient, PostgresEventStore } from '@dateline/event-store';
import { createTempDatabase } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { cli, RunOptions, writeReport } from './support/bench-cli';

const RAW_TABLE = `
CREATE TABLE raw_events (
  position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, stream_version integer NOT NULL,
  type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, stream_version))`;

// A realistic event: a diplomatic event of about 600 bytes.
const data = {
  eventId: randomUUID(),
  title: 'Delegations open talks in Geneva',
  kind: 'talks',
  when: { precision: 'day', on: '2024-03-05', timezone: 'Europe/Zurich', certainty: 'explicit' },
  status: 'happened',
  relations: [],
  about: [],
  summary: 'Talks opened at the Palais des Nations after a week of preparation.',
  participants: [
    { name: 'Alpha delegation', country: 'FR' },
    { name: 'Jane Doe', role: 'Envoy', country: 'DE' },
  ],
  sources: [{ attribution: 'named-source', name: 'Wire service' }],
  quotes: [],
  storyIds: [],
  cameoCode: '046',
};
const metadata = () => ({ editor: 'bench', correlationId: randomUUID(), recordedAt: new Date().toISOString() });
const event = () => ({ id: randomUUID(), type: 'DiplomaticEventRecorded', schemaVersion: 2, data, metadata: metadata() });

type SideName = 'raw' | 'dateline' | 'emmett';
interface Side {
  name: SideName;
  /** Connects a pool of `connections` (warmed, outside the clock). */
  open(connections: number): Promise<void>;
  /** Appends `size` events to the writer's current stream at `version`. */
  append(stream: string, version: number, size: number): Promise<void>;
  /** Closes the pool: PostgreSQL's 100 connections do not hold three sides' idle pools of 40. */
  close(): Promise<void>;
}

const SCENARIOS = [
  { name: 'single events, 1 writer', writers: 1, batch: 1 },
  { name: 'single events, 8 writers', writers: 8, batch: 1 },
  { name: 'single events, 32 writers', writers: 32, batch: 1 },
  { name: '100-event batches, 1 writer', writers: 1, batch: 100 },
  { name: '100-event batches, 8 writers', writers: 8, batch: 100 },
];

/** Goals: Dateline ≥ 0.8 × raw INSERT (README), ≥ 2 × Emmett (issue 8). */
export const APPEND_GOALS = { vsRaw: 0.8, vsEmmett: 2 };

export interface AppendOptions extends RunOptions {
  seconds?: number;
  rounds?: number;
  only?: string;
  /** Only the embedded PGlite scenarios (sync on vs off). */
  embeddedOnly?: boolean;
}

const EMBEDDED_WRITERS = [1, 8, 32];

/**
 * The store on PGlite in a data directory, opened once for all its runs: an instance keeps its
 * ~200 MiB WASM heap until the process ends, and the service, too, opens one and keeps it.
 */
function embeddedSide(sync: boolean): Side & { dispose(): Promise<void> } {
  let opened: Promise<{ sql: PgliteClient; store: PostgresEventStore; dir: string }> | undefined;
  const open = () =>
    (opened ??= (async () => {
      const dir = join(mkdtempSync(join(tmpdir(), `dateline-bench-pglite-${sync ? 'sync' : 'nosync'}-`)), 'pglite');
      const sql = await PgliteClient.open(dir, { sync });
      return { sql, store: await PostgresEventStore.create(sql), dir };
    })());
  return {
    name: 'dateline',
    open: async () => void (await open()),
    async append(stream, version, size) {
      const { store } = await open();
      await store.append(`bench-${stream}`, Array.from({ length: size }, event), version === 0 ? 'no_stream' : version);
    },
    close: async () => undefined,
    async dispose() {
      if (!opened) return;
      const { sql, store, dir } = await opened;
      await store.close();
      await sql.close();
      rmSync(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

/** Embedded PGlite with sync on against sync off, the same store code, alternating order by round. */
async function runEmbedded(seconds: number, rounds: number, log: (line: string) => void) {
  const on = embeddedSide(true);
  const off = embeddedSide(false);
  const results = [];
  try {
    for (const writers of EMBEDDED_WRITERS) {
      const rates = { on: [] as number[], off: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        for (const [name, side] of round % 2 === 0
          ? ([
              ['on', on],
              ['off', off],
            ] as const)
          : ([
              ['off', off],
              ['on', on],
            ] as const)) {
          await side.open(writers);
          rates[name].push(Math.round(await measure(side, writers, 1, seconds)));
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const r = {
        scenario: `embedded PGlite, single events, ${writers} writer${writers === 1 ? '' : 's'}`,
        writers,
        syncOnEventsPerSec: Math.round(mean(rates.on)),
        syncOffEventsPerSec: Math.round(mean(rates.off)),
        ratio: +(mean(rates.on) / mean(rates.off)).toFixed(2),
        rounds: rates,
      };
      results.push(r);
      log(
        `${r.scenario.padEnd(44)} sync on ${String(r.syncOnEventsPerSec).padStart(6)}/s  sync off ${String(r.syncOffEventsPerSec).padStart(6)}/s  ratio ${r.ratio}`,
      );
    }
  } finally {
    await on.dispose();
    await off.dispose();
  }
  return results;
}

async function measure(side: Side, writers: number, batch: number, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  const counts = await Promise.all(
    Array.from({ length: writers }, async () => {
      let stream = randomUUID();
      let version = 0;
      let events = 0;
      while (Date.now() < deadline) {
        await side.append(stream, version, batch);
        version += batch;
        events += batch;
        if (version >= 1000) [stream, version] = [randomUUID(), 0];
      }
      return events;
    }),
  );
  return counts.reduce((a, b) => a + b, 0) / seconds;
}

export async function run(options: AppendOptions = {}) {
  const log = options.log ?? console.log;
  const SECONDS = options.seconds ?? (options.quick ? 1 : 3);
  const ROUNDS = options.rounds ?? (options.quick ? 1 : 2);
  if (options.embeddedOnly) {
    const embedded = await runEmbedded(SECONDS, ROUNDS, log);
    return {
      benchmark: 'append',
      date: new Date().toISOString(),
      secondsPerRun: SECONDS,
      rounds: ROUNDS,
      goals: APPEND_GOALS,
      results: [],
      embedded,
      machine: await describeMachine(),
    };
  }
  const db = await createTempDatabase('dateline_bench');
  const emmettDb = await createTempDatabase('dateline_bench_emmett');
  const warm = (query: () => Promise<unknown>, n: number) => Promise.all(Array.from({ length: n }, query));
  try {
    const setup = new pg.Client({ connectionString: db.url });
    await setup.connect();
    await setup.query(RAW_TABLE);
    await setup.end();
    let pool: pg.Pool;
    const raw: Side = {
      name: 'raw',
      async open(n) {
        pool = new pg.Pool({ connectionString: db.url, max: n });
        await warm(() => pool.query('SELECT 1'), n);
      },
      async append(stream, version, size) {
        const params: unknown[] = [];
        const rows: string[] = [];
        for (let i = 0; i < size; i++) {
          const e = event();
          const p = params.length;
          rows.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, 1, $${p + 5}, $${p + 6})`);
          params.push(e.id, stream, version + i + 1, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
        }
        await pool.query(
          `INSERT INTO raw_events (event_id, stream_id, stream_version, type, schema_version, data, metadata) VALUES ${rows.join(',')}`,
          params,
        );
      },
      close: () => pool.end(),
    };
    let sql: PgClient;
    let store: PostgresEventStore;
    const dateline: Side = {
      name: 'dateline',
      async open(n) {
        sql = new PgClient(db.url, n);
        store = await PostgresEventStore.create(sql);
        await warm(() => sql.query('SELECT 1'), n);
      },
      async append(stream, version, size) {
        await store.append(`bench-${stream}`, Array.from({ length: size }, event), version === 0 ? 'no_stream' : version);
      },
      async close() {
        await store.close();
        await sql.close();
      },
    };
    // Emmett with the same optimistic concurrency check as Dateline's append, and a pool of the
    // same size as the other sides (its default pool holds 10).
    let emmettPool: pg.Pool;
    let emmett: ReturnType<typeof getPostgreSQLEventStore>;
    const emmettSide: Side = {
      name: 'emmett',
      async open(n) {
        emmettPool = new pg.Pool({ connectionString: emmettDb.url, max: n });
        emmett = getPostgreSQLEventStore(emmettDb.url, { connectionOptions: { pool: emmettPool } });
        // Emmett creates its schema on first use: do that before the clock.
        await emmett.appendToStream(`warm-${randomUUID()}`, [{ type: 'Warm', data: {} }]);
        await warm(() => emmettPool.query('SELECT 1'), n);
      },
      async append(stream, version, size) {
        const events = Array.from({ length: size }, () => {
          const e = event();
          return { type: e.type, data: e.data, metadata: e.metadata };
        });
        await emmett.appendToStream(`bench-${stream}`, events, {
          expectedStreamVersion: version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(version),
        });
      },
      async close() {
        await emmett.close().catch(() => undefined);
        await emmettPool.end().catch(() => undefined);
      },
    };
    const sides = [raw, dateline, emmettSide];

    const results = [];
    for (const s of SCENARIOS.filter((x) => !options.only || x.name.includes(options.only))) {
      const rates: Record<SideName, number[]> = { raw: [], dateline: [], emmett: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
          // One connection per writer plus the store's LISTEN connection, one side at a time.
          await side.open(s.writers + 1);
          try {
            rates[side.name].push(Math.round(await measure(side, s.writers, s.batch, SECONDS)));
          } finally {
            await side.close();
          }
        }
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const r = {
        scenario: s.name,
        writers: s.writers,
        batch: s.batch,
        rawEventsPerSec: Math.round(mean(rates.raw)),
        datelineEventsPerSec: Math.round(mean(rates.dateline)),
        emmettEventsPerSec: Math.round(mean(rates.emmett)),
        ratio: +(mean(rates.dateline) / mean(rates.raw)).toFixed(2),
        ratioToEmmett: +(mean(rates.dateline) / mean(rates.emmett)).toFixed(2),
        rounds: rates,
      };
      results.push(r);
      log(
        `${s.name.padEnd(30)} raw ${String(r.rawEventsPerSec).padStart(7)}/s  dateline ${String(r.datelineEventsPerSec).padStart(7)}/s  emmett ${String(r.emmettEventsPerSec).padStart(7)}/s  vs raw ${r.ratio}  vs emmett ${r.ratioToEmmett}`,
      );
    }
    const embedded = options.only ? [] : await runEmbedded(SECONDS, ROUNDS, log);
    return {
      benchmark: 'append',
      date: new Date().toISOString(),
      secondsPerRun: SECONDS,
      rounds: ROUNDS,
      goals: APPEND_GOALS,
      embedded,
      emmett:
        '@event-driven-io/emmett-postgresql 0.42.0, getPostgreSQLEventStore, a pool of one connection per writer (+1), like the other sides',
      machine: await describeMachine(db.url),
      results,
    };
  } finally {
    await db.drop();
    await emmettDb.drop();
  }
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({
      options: {
        seconds: { type: 'string' },
        rounds: { type: 'string' },
        only: { type: 'string' },
        quick: { type: 'boolean', default: false },
        'embedded-only': { type: 'boolean', default: false },
      },
    });
    const report = await run({
      quick: values.quick,
      seconds: values.seconds ? Number(values.seconds) : undefined,
      rounds: values.rounds ? Number(values.rounds) : undefined,
      only: values.only,
      embeddedOnly: values['embedded-only'],
    });
    const file = `bench/results/${report.date.slice(0, 10)}-append${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`\nwritten to ${file}`);
  });
}
