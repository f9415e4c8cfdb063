import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bindings, Example, matchJson, matchTextStart, shBlocks, substitutePlaceholders } from '../support/readme-examples';
import { freePort, newcomerEnv, SERVICE_SCRIPT, startProcess, stop } from '../support/service-process';

/**
 * The README's shell examples, run in order as a newcomer runs them after the first
 * `npm start`: the built service on an empty embedded data dir (so the first start loads the
 * Istanbul sample), no tokens configured (so it makes its token files), on a free port.
 *
 * What the test changes in a command, as a reader on this machine would:
 * - `localhost:3000` becomes `localhost:<the free port>`;
 * - `.dateline/` (the default data dir) becomes the temp data dir;
 * - `<story>`, `<event>`, `<sample>`, `<recorded>`, `<position>` become the values the answers
 *   before it gave where the README's `# ->` lines show them (test/support/readme-examples.ts);
 * - `curl` is wrapped to also write the response headers to a file (for the status), and a
 *   `curl -N` stream is cut after 3 s (an answer that does not end otherwise).
 * A block's shell variables (`TOKEN=...`, `H=(...)`) are set again before each of its later
 * commands, as they stay set in the reader's shell.
 *
 * What runs: every `curl` against localhost:3000, in README order. What does not, by rule
 * (SKIPPED below): commands that are not HTTP examples against the running service.
 * Each answer is checked as the README promises: its status (a 2xx unless `# -> <status>`),
 * and the JSON or stream text its `# ->` lines show.
 */

const SKIPPED: readonly { readonly rule: RegExp; readonly why: string }[] = [
  { rule: /^npm (install|test|start)\b/, why: 'installs, tests or starts the project itself: this test is what runs after it' },
  { rule: /^npm run cli -- /, why: 'the operator CLI (seed, rebuild, tail, replay): its own suites run it (test/kafka/cli.e2e-spec.ts)' },
  { rule: /^npm run kafka:(up|down)\b/, why: 'starts or stops a Kafka broker on a shared port' },
  { rule: /^KAFKA_BROKERS=/, why: 'needs a Kafka broker' },
  { rule: /^(export |docker )/, why: 'docker compose: no Docker on our machines (test/compose.spec.ts checks the files)' },
];

/** `NAME=value` alone on its line: the reader's shell keeps it for the commands after it. */
const ASSIGNMENT = /^[A-Za-z_]\w*=(\$\([^)]*\)|\([^)]*\)|\S+)$/;

const README = readFileSync('README.md', 'utf8');

type Planned = { kind: 'run'; example: Example; assignments: string[] } | { kind: 'skip'; example: Example; why: string };

function plan(): Planned[] {
  const planned: Planned[] = [];
  for (const block of shBlocks(README)) {
    const assignments: string[] = [];
    for (const example of block.examples) {
      const command = example.command.trim();
      const skip = SKIPPED.find((s) => s.rule.test(command));
      if (skip) planned.push({ kind: 'skip', example, why: skip.why });
      else if (ASSIGNMENT.test(command)) assignments.push(command);
      else if (/^curl /.test(command) && command.includes('localhost:3000'))
        planned.push({ kind: 'run', example, assignments: [...assignments] });
      else throw new Error(`README line ${example.line}: a command no rule of readme.e2e-spec.ts runs or skips: ${command}`);
    }
  }
  return planned;
}

const PLANNED = plan();

let service: ChildProcess | undefined;
let port = 0;
let dataDir = '';
const bindings: Bindings = new Map();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dateline-readme-'));
  port = await freePort();
  service = await startProcess(
    SERVICE_SCRIPT,
    // `npm start` with nothing configured: the embedded store, token files, the sample.
    newcomerEnv(port, { DATELINE_DATA_DIR: dataDir, DATELINE_LOG_FORMAT: 'json' }),
    'Stop it with Ctrl-C.',
  );
}, 180_000);

afterAll(async () => {
  if (service) await stop(service);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** One command in bash, as the reader types it (after the substitutions above). */
function run(command: string, assignments: string[]): Answer {
  const localize = (text: string) => text.replaceAll('localhost:3000', `localhost:${port}`).replaceAll('.dateline/', `${dataDir}/`);
  const headers = join(dataDir, 'readme-answer-headers');
  rmSync(headers, { force: true });
  const script = [
    'set -e',
    // The response headers go to a file; a stream (-N) is cut after 3 s, which curl reports as 28.
    `curl() { local rc=0; if [[ " $* " == *" -N "* ]]; then command curl -D "$README_HEADERS" --max-time 3 "$@" || rc=$?; [[ $rc == 28 ]] && rc=0; return $rc; fi; command curl -D "$README_HEADERS" "$@"; }`,
    ...assignments.map(localize),
    localize(substitutePlaceholders(command, bindings)),
  ].join('\n');
  const done = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, README_HEADERS: headers }, timeout: 60_000 });
  if (done.status !== 0) throw new Error(`bash exited ${done.status ?? done.signal}: ${done.stderr}\n${script}`);
  const head = readFileSync(headers, 'utf8');
  const statusLine = /^HTTP\/[\d.]+ (\d{3})/m.exec(head);
  if (!statusLine) throw new Error(`no HTTP status in the answer's headers: ${head}`);
  const contentType = /^content-type:\s*(.*)$/im.exec(head)?.[1].trim() ?? '';
  return { status: Number(statusLine[1]), contentType, body: done.stdout };
}

const title = (e: Example) => `README line ${e.line}: ${e.command.split('\n')[0].slice(0, 110)}`;

describe('README.md examples, in order, against a first `npm start`', () => {
  it('every command of every ```sh block is run or skipped by a listed rule', () => {
    const skipped = PLANNED.filter((p) => p.kind === 'skip').map((p) => `${p.example.line}: ${p.example.command.split('\n')[0]}`);
    const ran = PLANNED.filter((p) => p.kind === 'run');
    // The walkthrough, the live stream and the export are there to be run; the rest is listed.
    expect(ran.length).toBeGreaterThanOrEqual(20);
    expect(ran.filter((p) => p.example.expected).length).toBeGreaterThanOrEqual(20);
    expect(skipped.length).toBeGreaterThan(0);
    for (const p of PLANNED) if (p.kind === 'skip') expect(p.example.expected).toBeUndefined();
  });

  for (const p of PLANNED) {
    if (p.kind !== 'run') continue;
    const { example, assignments } = p;
    it(title(example), () => {
      const answer = run(example.command, assignments);
      const expected = example.expected;
      const where = `README line ${example.line} promises ${expected ? `\n${expected.source}` : 'a 2xx'}\nand got ${answer.status} ${answer.body.slice(0, 600)}`;
      if (expected?.status !== undefined) expect({ status: answer.status, where }).toEqual({ status: expected.status, where });
      else expect({ statusClass: Math.floor(answer.status / 100), where }).toEqual({ statusClass: 2, where });

      if (expected?.json !== undefined) {
        expect(answer.contentType).toMatch(/^application\/json/);
        const mismatch = matchJson(expected.json, JSON.parse(answer.body), bindings);
        expect({ mismatch, where }).toEqual({ mismatch: undefined, where });
      } else if (expected?.text !== undefined) {
        const mismatch = matchTextStart(expected.text, answer.body, bindings);
        expect({ mismatch, where }).toEqual({ mismatch: undefined, where });
      } else if (/json/.test(answer.contentType)) {
        expect(() => JSON.parse(answer.body)).not.toThrow();
      }
    });
  }
});
