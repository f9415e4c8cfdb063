import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { diplomaticEvent } from '../support/fixtures';
import { freePort, PROCESS_ADMIN_TOKEN, PROCESS_EDITOR_TOKEN, startService, stop } from '../support/service-process';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';

const READERS = 100;
const WRITES = 3000;
const BUFFER_BYTES = 64 * 1024;
/**
 * How far the service's resident memory may grow over its own baseline. The streams' buffers
 * may hold READERS × BUFFER_BYTES (6.4 MiB) plus a frame each; the rest is room for the heap's
 * own growth under a write load. Unbounded buffering needs 100 × ~4 KiB per write: 1.2 GiB.
 */
const GROWTH_BOUND_BYTES = 200 * 1024 * 1024;

/**
 * Issue 13, part 4: live-stream clients that never read. Each opens GET /timeline/stream over a
 * raw TCP connection and then stops reading, while thousands of entries are written. The
 * service must drop them (they would resume with Last-Event-ID) instead of buffering every
 * change for each of them until its heap runs out.
 */
describe('live-stream clients that never read', () => {
  let db: TempDatabase;
  let service: ChildProcess;
  let base: string;
  const readers: Socket[] = [];

  beforeAll(async () => {
    db = await createTempDatabase();
    const port = await freePort();
    service = await startService(db.url, port, { DATELINE_SSE_BUFFER_BYTES: String(BUFFER_BYTES), DATELINE_LOG_LEVEL: 'info' });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    for (const s of readers) s.destroy();
    if (service) await stop(service, 'SIGKILL');
    await db?.drop();
  });

  it('are disconnected, and the memory stays bounded over thousands of writes', async () => {
    // A little traffic first, so that the baseline is a warmed-up service.
    await writeEntries(base, 50);
    const baseline = residentBytes(service.pid!);

    for (let i = 0; i < READERS; i++) readers.push(await openStalledStream(new URL(base)));

    let peak = baseline;
    let written = 0;
    while (written < WRITES) {
      await writeEntries(base, 250);
      written += 250;
      peak = Math.max(peak, residentBytes(service.pid!));
      // Stop before an unbounded service runs out of heap: that is the failure this test is for.
      if (peak - baseline > GROWTH_BOUND_BYTES) break;
    }
    console.log(
      `slow readers: ${written} writes; resident memory ${mib(baseline)} MiB before, peak ${mib(peak)} MiB (+${mib(peak - baseline)} MiB)`,
    );
    expect(written).toBe(WRITES);
    expect(peak - baseline).toBeLessThan(GROWTH_BOUND_BYTES);

    // Once the read models hold the last write, every change has been offered to the streams.
    await caughtUp(base);
    const metrics = await streamsSettled(base);
    expect(metricValue(metrics, 'dateline_sse_slow_streams_dropped_total')).toBe(READERS);
    expect(metricValue(metrics, 'dateline_sse_streams_open')).toBe(0);

    // Reading now, each client finds its stream closed (ended, or reset when the kernel gave up
    // the unsent bytes of so many closed sockets). An EventSource ignores a last event cut in
    // half and resumes after the last whole one.
    const ends = await Promise.all(readers.map((s) => endOf(s)));
    expect(ends.every((text) => text.startsWith('HTTP/1.1 200'))).toBe(true);

    // And the service still serves a reader that keeps up.
    const res = await fetch(`${base}/timeline/stream`, { headers: { Accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});

/** GET /timeline/stream; once the answer's first bytes are in, the client never reads again. */
function openStalledStream(url: URL): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    socket.once('error', reject);
    socket.once('connect', () => socket.write(`GET /timeline/stream HTTP/1.1\r\nHost: ${url.host}\r\nAccept: text/event-stream\r\n\r\n`));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      resolve(socket);
    });
  });
}

/** Reads what is left of a stalled stream until the service closes it. */
function endOf(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined); // a reset is a close too
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.resume();
  });
}

/** Entries with a long summary, so that each change is a frame of some kilobytes. */
async function writeEntries(base: string, count: number): Promise<void> {
  const summary = 'The delegations met again and talked at length. '.repeat(40);
  let next = 0;
  const writer = async () => {
    while (next < count) {
      next++;
      const res = await fetch(`${base}/diplomatic-events`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${PROCESS_EDITOR_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(diplomaticEvent({ title: `Talks, round ${next}`, summary })),
      });
      if (res.status !== 201) throw new Error(`write answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
}

async function caughtUp(base: string): Promise<void> {
  for (;;) {
    const status = (await (
      await fetch(`${base}/admin/status`, { headers: { Authorization: `Bearer ${PROCESS_ADMIN_TOKEN}` } })
    ).json()) as { readModels: { caughtUp: boolean } };
    if (status.readModels.caughtUp) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** /metrics once no stream is open any more (or at once, when the service has no such metric). */
async function streamsSettled(base: string): Promise<string> {
  for (;;) {
    const text = await (await fetch(`${base}/metrics`)).text();
    if ((metricValue(text, 'dateline_sse_streams_open') ?? 0) === 0) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function residentBytes(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmRSS for ${pid}`);
  return Number(line[1]) * 1024;
}

function metricValue(text: string, name: string): number | undefined {
  const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return line ? Number(line[1]) : undefined;
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
