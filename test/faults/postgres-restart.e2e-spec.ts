import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { PgClient, PostgresEventStore, RecordedEvent } from '@dateline/event-store';
import { diplomaticEvent } from '../support/fixtures';
import { createPrivatePostgres, PrivatePostgres } from '../support/private-postgres';
import { freePort, PROCESS_EDITOR_TOKEN, startService, stop } from '../support/service-process';

jest.setTimeout(240_000);

/** Concurrent editors writing while PostgreSQL goes away and comes back. */
const EDITORS = 4;
/** How long PostgreSQL stays down (an outage, not a measurement: nothing asserts on time). */
const OUTAGE_MS = 5_000;
/** How long the load keeps going after the service has written again. */
const AFTER_RECOVERY_MS = 3_000;

type Phase = 'up' | 'down' | 'recovered';

/** One HTTP answer, or the connection error that stood for it (status 0). */
interface Answer {
  status: number;
  body?: unknown;
  retryAfter?: string | null;
  replayed?: string | null;
  error?: string;
}

interface Attempt extends Answer {
  editor: number;
  kind: 'record' | 'amend';
  key: string;
  path: string;
  request: unknown;
  /** The phase when the request was sent and when its answer came. */
  sentIn: Phase;
  answeredIn: Phase;
}

interface WriteBody {
  id: string;
  version: number;
  position: number;
}

/**
 * Issue 7, fault injection: PostgreSQL restarted under a write load. The built service runs as
 * a child process against a PostgreSQL server of the suite's own (the shared one on 5432 must
 * stay up for the other suites), which is crashed (`pg_ctl stop -m immediate`) while editors
 * write, kept down for a few seconds, and started again. Nothing here is mocked, and nothing
 * asserts on durations: every wait is for a condition, with a generous deadline.
 */
describe('PostgreSQL restarted under a write load (real server, built service)', () => {
  const runId = randomUUID().slice(0, 8);
  let pg: PrivatePostgres;
  let service: ChildProcess;
  let servicePid: number | undefined;
  /** Set when the service process ends on its own (it must not: it should ride out the outage). */
  let serviceExit: string | undefined;
  let base: string;

  let phase: Phase = 'up';
  const attempts: Attempt[] = [];
  const readyWhileDown: Answer[] = [];
  let readyAfter: Answer | undefined;
  let recoveredWrites = 0;
  const retries: { attempt: Attempt; first: Answer; second: Answer }[] = [];
  const log: RecordedEvent[] = [];

  const post = async (path: string, body: unknown, key: string): Promise<Answer> => {
    try {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${PROCESS_EDITOR_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(90_000),
      });
      return {
        status: res.status,
        body: parse(await res.text()),
        retryAfter: res.headers.get('retry-after'),
        replayed: res.headers.get('idempotent-replayed'),
      };
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { status: 0, error: cause?.code ?? cause?.message ?? String(err) };
    }
  };

  const get = async (path: string): Promise<Answer> => {
    try {
      const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(90_000) });
      return { status: res.status, body: parse(await res.text()) };
    } catch (err) {
      return { status: 0, error: String((err as { cause?: unknown }).cause ?? err) };
    }
  };

  /** One editor: records events and amends its own, each write with an Idempotency-Key. */
  const editor = async (n: number, running: () => boolean) => {
    const own: { id: string; version: number; doubtful: boolean }[] = [];
    for (let seq = 0; running(); seq++) {
      const key = `pg-restart-${runId}-e${n}-${seq}`;
      // An aggregate whose last write failed is left alone: its version is in doubt until the
      // retry after the outage settles it (the retry's expectedVersion must still hold).
      const usable = own.filter((a) => !a.doubtful);
      const target = usable.length > 0 && Math.random() < 0.5 ? usable[Math.floor(Math.random() * usable.length)] : undefined;
      const [kind, path, request] = target
        ? ([
            'amend',
            `/diplomatic-events/${target.id}/amendments`,
            { expectedVersion: target.version, changes: { summary: `Summary from editor ${n}, write ${seq}` }, reason: 'restart load' },
          ] as const)
        : (['record', '/diplomatic-events', diplomaticEvent({ title: `Restart load: editor ${n}, write ${seq}` })] as const);
      const sentIn = phase;
      const answer = await post(path, request, key);
      attempts.push({ ...answer, editor: n, kind, key, path, request, sentIn, answeredIn: phase });
      if (answer.status === 201) {
        const written = answer.body as WriteBody;
        if (target) target.version = written.version;
        else own.push({ id: written.id, version: written.version, doubtful: false });
        if (sentIn === 'recovered') recoveredWrites++;
      } else {
        if (target) target.doubtful = true;
        // A client backing off, more briefly than Retry-After asks, to see many answers in the outage.
        await sleep(100);
      }
    }
  };

  beforeAll(async () => {
    pg = await createPrivatePostgres();
    await pg.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // KAFKA_BROKERS empty: the relay is off (readiness would otherwise wait for a broker). The
    // log level stays at info: startService waits for the "listening on" line.
    service = await startService(pg.url, port, { KAFKA_BROKERS: '', DATELINE_PG_POOL_MAX: '10' });
    servicePid = service.pid;
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      (serviceExit = `the service exited (${signal ?? `code ${code}`}); its stderr is above`);
    service.once('exit', onExit);

    let loading = true;
    const load = Array.from({ length: EDITORS }, (_, n) => editor(n, () => loading));
    try {
      // Some writes go through before the crash.
      await waitUntil('20 writes answered 201 before the crash', () => attempts.filter((a) => a.status === 201).length >= 20, 120_000);

      await pg.stop('immediate');
      phase = 'down';
      const downSince = Date.now();
      // While down: readiness must say what is down; the writes keep coming meanwhile.
      await waitUntil(
        'readiness answered 503 while PostgreSQL was down',
        async () => {
          const ready = await get('/health/ready');
          readyWhileDown.push(ready);
          return ready.status === 503;
        },
        60_000,
        false,
      );
      await waitUntil(
        'a write sent and answered while PostgreSQL was down',
        () => attempts.some((a) => a.sentIn === 'down' && a.answeredIn === 'down'),
        60_000,
        false,
      );
      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downSince)));

      await pg.start();
      phase = 'recovered';
      // The same process writes again, without a restart.
      await waitUntil('10 writes answered 201 after PostgreSQL came back', () => recoveredWrites >= 10, 120_000, false);
      await sleep(AFTER_RECOVERY_MS);
    } finally {
      loading = false;
      await Promise.all(load);
    }

    await waitUntil(
      'readiness back to 200',
      async () => {
        readyAfter = await get('/health/ready');
        return readyAfter.status === 200;
      },
      120_000,
      false,
    );

    // A client retries every write that got no 201, with the same key and body, twice.
    for (const attempt of attempts.filter((a) => a.status !== 201)) {
      const first = await post(attempt.path, attempt.request, attempt.key);
      const second = await post(attempt.path, attempt.request, attempt.key);
      retries.push({ attempt, first, second });
    }

    // The service stops before the log is read: a transaction of its projector still open
    // would hold the read horizon back and hide later events from readAll.
    service.removeListener('exit', onExit);
    await stop(service, 'SIGTERM');

    // The log itself, read directly from PostgreSQL, not through the service.
    const sql = new PgClient(pg.url, 2);
    try {
      const store = await PostgresEventStore.create(sql);
      for (let after = 0; ;) {
        const page = await store.readAll(after, 1000);
        if (page.length === 0) break;
        log.push(...page);
        after = page[page.length - 1].position;
      }
      await store.close();
    } finally {
      await sql.close();
    }
  }, 240_000);

  /**
   * Polls `condition` until it holds. With `strict` a missed deadline throws (the setup cannot
   * go on); otherwise it returns false and the assertions say what was missing. Gives up at
   * once when the service has died: nothing it waits for can happen any more.
   */
  const waitUntil = async (
    what: string,
    condition: () => boolean | Promise<boolean>,
    timeoutMs: number,
    strict = true,
  ): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await condition()) return true;
      if (Date.now() > deadline || serviceExit) {
        const why = serviceExit ?? `no luck within ${timeoutMs} ms`;
        if (strict) throw new Error(`gave up waiting for: ${what}: ${why}`);
        console.warn(`postgres-restart: gave up waiting for: ${what}: ${why}`);
        return false;
      }
      await sleep(100);
    }
  };

  afterAll(async () => {
    if (process.env.FAULTS_VERBOSE) {
      const count = (f: (a: Attempt) => boolean) => attempts.filter(f).length;
      console.info(
        `postgres-restart: ${attempts.length} writes (${count((a) => a.status === 201)} x 201, ${count((a) => a.status === 503)} x 503, ` +
          `${count((a) => a.status === 0)} connection errors), ${count((a) => a.sentIn === 'recovered' && a.status === 201)} x 201 after the restart; ` +
          `${retries.length} retried, ${retries.filter((r) => r.first.replayed === 'true').length} of them had been logged already; ${log.length} events in the log`,
      );
    }
    if (service) await stop(service, 'SIGTERM');
    await pg?.destroy();
  });

  const byKey = () => {
    const map = new Map<string, RecordedEvent[]>();
    for (const e of log) {
      const key = typeof e.metadata.idempotencyKey === 'string' ? e.metadata.idempotencyKey : '(none)';
      map.set(key, [...(map.get(key) ?? []), e]);
    }
    return map;
  };

  it('while PostgreSQL was down, writes answered 503 with Retry-After: never a 500 or another 5xx', () => {
    const down = attempts.filter((a) => a.sentIn === 'down' && a.answeredIn === 'down');
    expect(down.length).toBeGreaterThan(0);
    expect(down.filter((a) => a.status === 503).length).toBeGreaterThan(0);
    const statuses = [...new Set(attempts.map((a) => a.status))].sort();
    // 201 or 503 only: a 409 would mean a write committed although the client was told it failed.
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    for (const a of attempts.filter((x) => x.status === 503)) {
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    }
  });

  it('readiness answered 503 naming the event store while PostgreSQL was down, and 200 after', () => {
    const failed = readyWhileDown.find((r) => r.status === 503);
    expect(failed).toBeDefined();
    expect((failed!.body as { details: Record<string, { status: string }> }).details.eventStore.status).toBe('down');
    expect(readyAfter?.status).toBe(200);
    expect(readyAfter?.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' }, readModels: { status: 'up' } } });
  });

  it('the service recovered without a restart: the same process wrote again', () => {
    // (The suite itself stops the service, with SIGTERM, only after the retries.)
    expect({ serviceExit }).toEqual({ serviceExit: undefined });
    expect(service.pid).toBe(servicePid);
    expect(recoveredWrites).toBeGreaterThanOrEqual(10);
    // The service itself never went away: no client saw a connection error.
    expect(attempts.filter((a) => a.status === 0).map((a) => a.error)).toEqual([]);
  });

  it('every write acknowledged with 201 is in the log exactly once, at the position it was given', () => {
    const keys = byKey();
    const acked = attempts.filter((a) => a.status === 201);
    expect(acked.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const a of acked) {
      const events = keys.get(a.key) ?? [];
      const body = a.body as WriteBody;
      if (events.length !== 1) problems.push(`${a.key}: ${events.length} events`);
      else if (
        events[0].position !== body.position ||
        events[0].streamId !== `diplomatic-event-${body.id}` ||
        events[0].streamVersion !== body.version
      ) {
        problems.push(
          `${a.key}: answered ${JSON.stringify(body)}, logged ${events[0].streamId} v${events[0].streamVersion} @${events[0].position}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('a retry of each failed write with its Idempotency-Key answers 201 and appends at most once', () => {
    const failed = attempts.filter((a) => a.status !== 201);
    expect(failed.length).toBeGreaterThan(0);
    expect(retries).toHaveLength(failed.length);
    for (const { attempt, first, second } of retries) {
      expect({ key: attempt.key, status: first.status }).toEqual({ key: attempt.key, status: 201 });
      // Retrying again replays the answer: the same id, version and position, nothing appended.
      expect({ key: attempt.key, status: second.status, replayed: second.replayed }).toEqual({
        key: attempt.key,
        status: 201,
        replayed: 'true',
      });
      expect(second.body).toEqual(first.body);
    }
    const keys = byKey();
    const problems = retries.map(({ attempt }) => [attempt.key, keys.get(attempt.key)?.length ?? 0] as const).filter(([, n]) => n !== 1);
    expect(problems).toEqual([]);
  });

  it('the log holds nothing else: one event per key the clients sent, none doubled, none unkeyed', () => {
    const keys = byKey();
    const sent = new Set(attempts.map((a) => a.key));
    expect([...keys.keys()].filter((k) => !sent.has(k))).toEqual([]);
    expect([...keys.entries()].filter(([, events]) => events.length !== 1).map(([k, events]) => `${k} x${events.length}`)).toEqual([]);
    expect(log.length).toBe(sent.size);
    expect(new Set(log.map((e) => e.id)).size).toBe(log.length);
  });
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
