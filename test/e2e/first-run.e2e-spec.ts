import { afterAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, newcomerEnv, SERVICE_SCRIPT, stop } from '../support/service-process';
import { createTempDatabase } from '@dateline/event-store/testing';

/**
 * `npm start` as a newcomer meets it: the built service as a process, its stdout read whole.
 * On an empty embedded store the first start loads the Istanbul sample and says so in a plain
 * block after the JSON lines; a second start, DATELINE_SAMPLE=none and PostgreSQL load nothing.
 */
const END_OF_SCREEN = 'Stop it with Ctrl-C.';
const sample = JSON.parse(readFileSync('data/seed/istanbul-facts.json', 'utf8')) as {
  facts: { title: string; when: { precision: string; on?: string } }[];
};
const A_SAMPLE_TITLE = sample.facts[0].title;
/** The facts the text dates to a day of 1–16 May 2025: each is an entry of that range, however the others are placed. */
const DAY_FACTS = sample.facts.filter((f) => f.when.precision === 'day' && f.when.on! >= '2025-05-01' && f.when.on! <= '2025-05-16');

interface Started {
  child: ChildProcess;
  baseUrl: string;
  /** stdout up to and including the first screen. */
  out: string;
}

const running: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((c) => stop(c)));
});

async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  if (!existsSync(SERVICE_SCRIPT)) throw new Error(`${SERVICE_SCRIPT} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const child = spawn(process.execPath, [SERVICE_SCRIPT], { env: newcomerEnv(port, env), stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(child);
  const out = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(END_OF_SCREEN)) resolve(text);
    });
    child.once('exit', (code) => reject(new Error(`the service exited (${code}) before its first screen: ${text.slice(-2000)}`)));
  });
  child.stdout.resume();
  return { child, baseUrl: `http://127.0.0.1:${port}`, out };
}

async function finish(s: Started): Promise<void> {
  await stop(s.child);
}

/** Timeline entries of the sample's days, from the JSON API. */
async function sampleEntries(baseUrl: string): Promise<number> {
  const res = await fetch(`${baseUrl}/timeline?from=2025-05-01&to=2025-05-16`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { days: { entries: unknown[] }[] };
  return body.days.reduce((n, d) => n + d.entries.length, 0);
}

async function readerPage(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The plain block: the lines of stdout that are not JSON. */
function plainLines(out: string): string[] {
  return out.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));
}

describe('first run (npm start on a fresh clone)', () => {
  it('loads the Istanbul sample into an empty embedded store once, shows it on GET /, and prints the first screen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-first-run-'));

    const first = await start({ DATELINE_DATA_DIR: dataDir });
    try {
      expect(await readerPage(first.baseUrl)).toContain(A_SAMPLE_TITLE);
      const entries = await sampleEntries(first.baseUrl);
      expect(DAY_FACTS.length).toBeGreaterThan(5);
      expect(entries).toBeGreaterThanOrEqual(DAY_FACTS.length);

      const screen = plainLines(first.out).join('\n');
      expect(screen).toContain(`Reader page  ${first.baseUrl}/`);
      expect(screen).toContain(`${first.baseUrl}/docs`);
      expect(screen).toContain(join(dataDir, 'editor-token'));
      expect(screen).toContain(join(dataDir, 'admin-token'));
      expect(screen).toMatch(/Istanbul talks story is loaded .*DATELINE_SAMPLE=none/);
      // The rest stays JSON lines for machines, without Nest's line per route at info.
      const json = first.out.split('\n').filter((l) => l.startsWith('{'));
      expect(json.length).toBeGreaterThan(0);
      for (const line of json) expect(() => JSON.parse(line)).not.toThrow();
      expect(json.some((l) => l.includes('Mapped {'))).toBe(false);
      expect(json.some((l) => l.includes('loaded the Istanbul sample'))).toBe(true);
      // The sample's writes are not a request line each between the start and the screen.
      expect(json.filter((l) => l.includes('"method":"POST"'))).toEqual([]);
      // The page /docs the screen points at answers.
      expect((await fetch(`${first.baseUrl}/docs`)).status).toBe(200);
      await finish(first);

      const second = await start({ DATELINE_DATA_DIR: dataDir });
      try {
        expect(second.out).not.toContain('loading the Istanbul sample');
        expect(plainLines(second.out).join('\n')).toContain('not loaded (the store has events already)');
        expect(await sampleEntries(second.baseUrl)).toBe(entries);
      } finally {
        await finish(second);
      }
    } finally {
      await finish(first);
    }
  }, 300_000);

  it('a SIGTERM while the sample loads stops the service cleanly, and the store opens again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dateline-first-run-stop-'));
    const child = spawn(process.execPath, [SERVICE_SCRIPT], {
      env: newcomerEnv(await freePort(), { DATELINE_DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    running.push(child);
    let out = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      const before = out;
      out += chunk.toString();
      if (!before.includes('loading the Istanbul sample') && out.includes('loading the Istanbul sample')) child.kill('SIGTERM');
    });
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(out).toContain('stopped cleanly');

    const again = await start({ DATELINE_DATA_DIR: dataDir });
    try {
      expect((await fetch(`${again.baseUrl}/health/ready`)).status).toBe(200);
    } finally {
      await finish(again);
    }
  }, 180_000);

  it('DATELINE_SAMPLE=none leaves a new store empty', async () => {
    const s = await start({ DATELINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'dateline-first-run-none-')), DATELINE_SAMPLE: 'none' });
    try {
      expect(plainLines(s.out).join('\n')).toContain('not loaded (DATELINE_SAMPLE=none)');
      expect(await sampleEntries(s.baseUrl)).toBe(0);
      expect(await readerPage(s.baseUrl)).not.toContain(A_SAMPLE_TITLE);
    } finally {
      await finish(s);
    }
  }, 180_000);

  it('never loads the sample into PostgreSQL (DATABASE_URL), empty as it may be', async () => {
    const db = await createTempDatabase('dateline_first_run');
    try {
      const s = await start({
        DATABASE_URL: db.url,
        DATELINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'dateline-first-run-pg-')),
        DATELINE_EDITOR_TOKENS: 'editor=first-run-editor',
        DATELINE_ADMIN_TOKENS: 'admin=first-run-admin',
      });
      try {
        const screen = plainLines(s.out).join('\n');
        expect(screen).toContain('never loaded by itself into PostgreSQL');
        expect(screen).toContain('from DATELINE_EDITOR_TOKENS and DATELINE_ADMIN_TOKENS');
        expect(await sampleEntries(s.baseUrl)).toBe(0);
      } finally {
        await finish(s);
      }
    } finally {
      await db.drop();
    }
  }, 180_000);
});
