import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';

/**
 * Lint and format as part of npm test (issue 15): ESLint (eslint.config.mjs, typescript-eslint's
 * type-checked rules) and Prettier (.prettierrc.json, .prettierignore) over the tree must find
 * nothing. A failure prints every finding as file:line:column, rule and message.
 */
const ROOT = resolve('.');
const LINTED = ['apps', 'libs', 'test', 'bench'];
// What `npm run format:check` covers: these folders' sources plus the config files at the root.
const FORMATTED = ['apps', 'libs', 'test', 'bench', 'scripts'];
const SOURCE = /\.(ts|mts|mjs|cjs)$/;

// Type-checked linting builds the TypeScript program for all ~360 files: ~15 s alone, several
// times that with other suites sharing two cores.
const SLOW = 180_000;

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => SOURCE.test(f) && !f.split('/').includes('node_modules'))
    .map((f) => join(ROOT, dir, f));
}

describe('lint and format', () => {
  it(
    'ESLint finds no problem in apps, libs, test and bench',
    async () => {
      const results = await new ESLint({ cwd: ROOT }).lintFiles(LINTED);
      // An empty or misdirected file list would pass vacuously.
      expect(results.length).toBeGreaterThan(300);
      const problems = results.flatMap((r) =>
        r.messages.map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line}:${m.column} ${m.ruleId ?? '(parse)'}: ${m.message}`),
      );
      expect(problems).toEqual([]);
    },
    SLOW,
  );

  it(
    'Prettier finds every source file formatted',
    async () => {
      const root = readdirSync(ROOT)
        .filter((f) => /\.(mjs|cjs)$/.test(f))
        .map((f) => join(ROOT, f));
      const files = [...FORMATTED.flatMap(sourcesUnder), ...root];
      expect(files.length).toBeGreaterThan(300);
      const unformatted: string[] = [];
      for (const file of files) {
        const info = await prettier.getFileInfo(file, { ignorePath: join(ROOT, '.prettierignore') });
        if (info.ignored) continue;
        const options = await prettier.resolveConfig(file);
        const source = readFileSync(file, 'utf8');
        if (!(await prettier.check(source, { ...options, filepath: file }))) unformatted.push(file.slice(ROOT.length + 1));
      }
      // Fix with `npm run format`.
      expect(unformatted).toEqual([]);
    },
    SLOW,
  );
});
