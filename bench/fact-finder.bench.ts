/**
 * Fact-finder extraction time (issue 18): findCandidates on a revision of about 1,000 words, the
 * way the candidates projection will call it for each revision. Two cases: a first revision
 * (every sentence read and proposed) and a later one with one paragraph added (every sentence
 * read, only the new one proposed). The wink-nlp model loads once, in the warm-up; then each
 * run is timed alone, and p50/p90/p99/max are printed and written to
 * bench/results/<date>-fact-finder.json. Goal: p99 under 100 ms.
 *
 *   npm run bench:fact-finder [-- --runs 500] [-- --warmup 20] [-- --dry]   (--dry: print only)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findCandidates, FindCandidatesInput } from '@dateline/fact-finder';
import { describeMachine } from './machine';
import { cli, writeReport } from './support/bench-cli';
import { percentiles } from './support/percentiles';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '500' },
    warmup: { type: 'string', default: '20' },
    dry: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const GOAL_P99_MS = 100;

/** Paragraphs of the three articles of data/gold and data/seed, up to 1,000 words: real news sentences, all the rules at work. */
function revisionOf(words: number): string {
  const seed = JSON.parse(readFileSync('data/seed/istanbul-talks.json', 'utf8')) as { story: { revisions: { body: string }[] } };
  const bodies = [
    seed.story.revisions[4].body,
    ...['data/gold/geneva-talks.json', 'data/gold/oslo-swap.json'].map(
      (f) => (JSON.parse(readFileSync(f, 'utf8')) as { body: string }).body,
    ),
  ];
  const out: string[] = [];
  let count = 0;
  for (const p of bodies.join('\n\n').split(/\n\s*\n/)) {
    if (count >= words) break;
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

function time(input: FindCandidatesInput, runs: number): { samples: number[]; candidates: number } {
  const samples: number[] = [];
  let candidates = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    candidates = findCandidates(input).length;
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { samples, candidates };
}

cli(async () => {
  const text = revisionOf(1000);
  const paragraphs = text.split('\n\n');
  const previousText = paragraphs.slice(0, -1).join('\n\n');
  const base = { storyId: 'bench-story', publishedAt: '2025-05-16T14:50:00Z', zone: 'Europe/Istanbul', text };
  const cases: [string, FindCandidatesInput][] = [
    ['first revision (every sentence proposed)', { ...base, revision: 1 }],
    ['one paragraph added (every sentence read, one proposed)', { ...base, revision: 2, previousText }],
  ];
  const loadStart = process.hrtime.bigint();
  findCandidates(cases[0][1]);
  const firstCallMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const results = cases.map(([name, input]) => {
    time(input, WARMUP);
    const { samples, candidates } = time(input, RUNS);
    const p = percentiles(samples);
    console.log(
      `${name}: ${candidates} candidates; p50 ${p.p50} ms, p90 ${p.p90} ms, p99 ${p.p99} ms, max ${p.max} ms over ${p.count} runs`,
    );
    return { name, candidates, ...p, goalP99Ms: GOAL_P99_MS, met: p.p99 < GOAL_P99_MS };
  });
  const words = text.split(/\s+/).length;
  console.log(
    `revision: ${words} words, ${paragraphs.length} paragraphs; first call (wink-nlp model load included): ${firstCallMs.toFixed(1)} ms`,
  );
  if (!values.dry) {
    const file = `bench/results/${new Date().toISOString().slice(0, 10)}-fact-finder.json`;
    writeReport(file, {
      scenario: 'fact-finder',
      words,
      runs: RUNS,
      warmup: WARMUP,
      firstCallMs,
      results,
      machine: await describeMachine(),
    });
    console.log(`written to ${file}`);
  }
});
