/**
 * npm run eval:facts [-- --misses] [-- --write-levels]: the fact finder (libs/fact-finder) against the gold sets in data/gold,
 * printed, and written to bench/results/facts-eval-<date>.json. docs/fact-finder.md explains
 * the figures and the misses; bench/fact-finder-levels.json holds the levels that
 * test/fact-finder-eval.spec.ts keeps.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { evaluate } from './fact-eval/evaluate';
import { LEVELS_FILE, levelsOf } from './fact-eval/levels';
import { FIELDS, Figure } from './fact-eval/score';

const result = evaluate();
const row = (name: string, f: Figure) =>
  `${name.padEnd(16)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(7)} ${f.f1.toFixed(3).padStart(6)} ${f.accuracy.toFixed(3).padStart(9)}   ${f.correct}/${f.matched} of ${f.expected} expected, ${f.proposed} proposed`;
const header = `${''.padEnd(16)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)} ${'accuracy'.padStart(9)}`;
for (const a of [
  ...result.articles.filter((x) => !x.heldOut),
  { article: 'both articles', ...result.overall },
  ...result.articles.filter((x) => x.heldOut),
]) {
  console.log(`\n${a.article}\n${header}`);
  console.log(row('facts', a.facts));
  for (const f of FIELDS) console.log(row(f, a.fields[f]));
}
console.log('\ngoals (issue 18), both articles');
for (const g of result.goals) console.log(`  ${g.met ? 'met   ' : 'missed'} ${g.name}: ${g.value.toFixed(3)} (goal ${g.target})`);
console.log('the same on the held-out article');
for (const g of result.heldOutGoals) console.log(`  ${g.met ? 'met   ' : 'missed'} ${g.name}: ${g.value.toFixed(3)} (goal ${g.target})`);
if (process.argv.includes('--misses'))
  for (const a of result.articles) {
    console.log(`\nmisses, ${a.article}`);
    for (const m of a.misses)
      console.log(`  ${m.field} ${m.fact ?? ''} ${m.candidate ?? ''} expected ${JSON.stringify(m.expected)} got ${JSON.stringify(m.got)}`);
  }
if (process.argv.includes('--write-levels')) {
  // The levels test/fact-finder-eval.spec.ts holds the finder to: raise them (only) when the rules get better.
  writeFileSync(LEVELS_FILE, `${JSON.stringify(levelsOf(result), null, 2)}\n`);
  console.log(`\nlevels written to ${LEVELS_FILE}`);
}
const day = new Date().toISOString().slice(0, 10);
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/facts-eval-${day}.json`;
writeFileSync(file, `${JSON.stringify({ date: day, ...result }, null, 2)}\n`);
console.log(`\nwritten to ${file}`);
