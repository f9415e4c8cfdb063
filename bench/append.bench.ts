/**
 * Append throughput: Dateline's store against a raw INSERT of the same rows into the same
 * PostgreSQL server, in the same run, at 1, 8 and 32 concurrent writers and with 100-event
 * batches. Rounds alternate (raw, store, raw, store) so drift hits both sides alike.
 *
 *   npx tsx bench/append.bench.ts [--seconds 3] [--rounds 2]
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { createTempDatabase } from '../test/support/temp-database';
import { describeMachine } from './machine';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' }, rounds: { type: 'string', default: '2' }, only: { type: 'string' } } });
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);

const RAW_TABLE = `
CREATE TABLE raw_events (
  position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, stream_id text NOT NULL, stream_version integer NOT NULL,
  type text NOT NULL, schema_version integer NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
  committed_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, stream_version))`;

// A realistic event: a diplomatic event of about 600 bytes.
const data = {
  eventId: randomUUID(), title: 'Delegations open talks in Geneva', kind: 'talks', occurredOn: '2024-03-05', timezone: 'Europe/Zurich',
  datePrecision: 'day', dateCertainty: 'explicit', summary: 'Talks opened at the Palais des Nations after a week of preparation.',
  participants: [{ name: 'Alpha delegation', country: 'FR' }, { name: 'Jane Doe', role: 'Envoy', country: 'DE' }],
  sources: [{ name: 'Wire service', hedged: false }], quotes: [], storyIds: [], cameoCode: '046',
};
const metadata = () => ({ editor: 'bench', correlationId: randomUUID(), recordedAt: new Date().toISOString() });
const event = () => ({ id: randomUUID(), type: 'DiplomaticEventRecorded', schemaVersion: 1, data, metadata: metadata() });

interface Side {
  name: 'raw' | 'dateline';
  /** Appends `size` events to the writer's current stream at `version`. */
  append(stream: string, version: number, size: number): Promise<void>;
}

async function measure(side: Side, writers: number, batch: number): Promise<number> {
  const deadline = Date.now() + SECONDS * 1000;
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
  return counts.reduce((a, b) => a + b, 0) / SECONDS;
}

async function main(): Promise<void> {
  const db = await createTempDatabase('dateline_bench');
  const pool = new pg.Pool({ connectionString: db.url, max: 40 });
  const sql = new PgClient(db.url, 40);
  try {
    await pool.query(RAW_TABLE);
    const store = await PostgresEventStore.create(sql);
    const raw: Side = {
      name: 'raw',
      async append(stream, version, size) {
        const params: unknown[] = [];
        const rows: string[] = [];
        for (let i = 0; i < size; i++) {
          const e = event();
          const p = params.length;
          rows.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, 1, $${p + 5}, $${p + 6})`);
          params.push(e.id, stream, version + i + 1, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
        }
        await pool.query(`INSERT INTO raw_events (event_id, stream_id, stream_version, type, schema_version, data, metadata) VALUES ${rows.join(',')}`, params);
      },
    };
    const dateline: Side = {
      name: 'dateline',
      async append(stream, version, size) {
        await store.append(`bench-${stream}`, Array.from({ length: size }, event), version === 0 ? 'no_stream' : version);
      },
    };

    const scenarios = [
      { name: 'single events, 1 writer', writers: 1, batch: 1 },
      { name: 'single events, 8 writers', writers: 8, batch: 1 },
      { name: 'single events, 32 writers', writers: 32, batch: 1 },
      { name: '100-event batches, 1 writer', writers: 1, batch: 100 },
      { name: '100-event batches, 8 writers', writers: 8, batch: 100 },
    ];
    const results = [];
    for (const s of scenarios.filter((x) => !values.only || x.name.includes(values.only!))) {
      const rates: Record<string, number[]> = { raw: [], dateline: [] };
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of [raw, dateline]) rates[side.name].push(await measure(side, s.writers, s.batch));
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const r = { scenario: s.name, writers: s.writers, batch: s.batch, rawEventsPerSec: Math.round(mean(rates.raw)), datelineEventsPerSec: Math.round(mean(rates.dateline)), ratio: +(mean(rates.dateline) / mean(rates.raw)).toFixed(2), rounds: rates };
      results.push(r);
      console.log(`${s.name.padEnd(30)} raw ${String(r.rawEventsPerSec).padStart(7)}/s  dateline ${String(r.datelineEventsPerSec).padStart(7)}/s  ratio ${r.ratio}`);
    }
    const report = { benchmark: 'append', date: new Date().toISOString(), secondsPerRun: SECONDS, rounds: ROUNDS, machine: await describeMachine(db.url), results };
    const file = `bench/results/${report.date.slice(0, 10)}-append.json`;
    writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwritten to ${file}`);
    await store.close();
  } finally {
    await pool.end();
    await sql.close();
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
