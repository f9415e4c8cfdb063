import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { EVENT_CATALOGUE } from '@dateline/domain';
import { PostgresEventStore } from '@dateline/event-store';
import { BENCH_EDITOR_TOKEN } from './service-process';

/**
 * Appends at a fixed rate for the lag benchmarks (projection lag, Kafka delivery lag): one
 * diplomatic event each, through the service's HTTP API or straight through the store.
 */

/** Appends the i-th event; resolves with its id (the Kafka key) and its log position. */
export type Append = (i: number) => Promise<{ id: string; position: number }>;

/** One of 3,000 dates, so that no day's answer grows large. */
const occurredOn = (i: number) => new Date(Date.UTC(2000, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);

export function httpAppend(port: number): Append {
  // A bounded keep-alive pool: with one connection per request (fetch's default), the service's
  // accept queue overflowed at 500/s and requests failed with connect timeouts and resets.
  // Requests beyond the pool wait here, and that wait counts in their latency (open loop).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  return (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({
        title: `Lag probe ${i}`,
        kind: 'meeting',
        when: { precision: 'day', on: occurredOn(i), certainty: 'explicit' },
        participants: [{ name: 'Probe', country: 'UA' }],
      });
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/diplomatic-events',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${BENCH_EDITOR_TOKEN}`,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c));
          res.on('end', () =>
            res.statusCode === 201
              ? resolve(JSON.parse(text) as { id: string; position: number })
              : reject(new Error(`POST answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * Through PostgresEventStore in the bench process: on 2 cores, 500 HTTP appends/s nearly
 * saturate the machine, which hides the share of the part being measured (projector, relay).
 */
export function storeAppend(store: PostgresEventStore): Append {
  const version = EVENT_CATALOGUE.DiplomaticEventRecorded.version;
  return async (i) => {
    const eventId = randomUUID();
    const data = {
      eventId,
      title: `Lag probe ${i}`,
      kind: 'meeting',
      when: { precision: 'day', on: occurredOn(i), certainty: 'explicit' },
      status: 'happened',
      relations: [],
      about: [],
      participants: [{ name: 'Probe', country: 'UA' }],
      sources: [],
      quotes: [],
      storyIds: [],
    };
    // recordedAt as the service's AggregateWriter sets it: the moment of the append.
    const metadata = { editor: 'bench', correlationId: randomUUID(), recordedAt: new Date().toISOString() };
    const r = await store.append(
      `diplomatic-event-${eventId}`,
      [{ id: randomUUID(), type: 'DiplomaticEventRecorded', schemaVersion: version, data, metadata }],
      'no_stream',
    );
    return { id: eventId, position: r.position };
  };
}

export interface Sample {
  id: string;
  position: number;
  sent: number;
  acked: number;
}

/**
 * Open loop at `rate`/s for `seconds`: appends start on schedule whether or not earlier ones
 * have finished. `onAck` hears each acknowledged append as it comes.
 */
export async function openLoop(append: Append, rate: number, seconds: number, offset = 0, onAck?: (s: Sample) => void) {
  const samples: Sample[] = [];
  let failures = 0;
  const failureReasons: Record<string, number> = {};
  let maxDispatchDelayMs = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    // How late the generator itself starts a request: if this grows, the bench process is the bottleneck.
    maxDispatchDelayMs = Math.max(maxDispatchDelayMs, sent - due);
    pending.push(
      append(offset + i).then(
        ({ id, position }) => {
          const sample = { id, position, sent, acked: performance.now() };
          samples.push(sample);
          onAck?.(sample);
        },
        (err: Error) => {
          failures++;
          const reason = String((err.cause as Error | undefined)?.message ?? err.message).slice(0, 80);
          failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  return { samples, failures, failureReasons, started, finished: performance.now(), maxDispatchDelayMs };
}
