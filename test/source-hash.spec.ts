import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceHash as hashOf } from '../scripts/source-hash.mjs';

/** A small tree shaped like the repository: what `npm run build` reads, and a test beside it. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'dateline-source-hash-'));
  mkdirSync(join(root, 'apps/service/src'), { recursive: true });
  mkdirSync(join(root, 'libs/domain/src'), { recursive: true });
  writeFileSync(join(root, 'apps/service/src/main.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'apps/service/src/main.spec.ts'), 'it("x", () => {});\n');
  writeFileSync(join(root, 'libs/domain/src/index.ts'), 'export const b = 2;\n');
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'])
    writeFileSync(join(root, f), '{}\n');
  return root;
}

describe('the build check (scripts/build-if-changed.mjs)', () => {
  it('is the same for the same tree, so an unchanged tree is not rebuilt', () => {
    const root = tree();
    expect(hashOf(root)).toBe(hashOf(root));
    expect(hashOf(root)).toBe(hashOf(tree()));
  });

  it('changes with a source, a renamed source, package-lock.json and each config, but not with a unit test', () => {
    const root = tree();
    const seen = new Set([hashOf(root)]);
    const changed = (what: () => void) => {
      what();
      const h = hashOf(root);
      expect(seen.has(h)).toBe(false);
      seen.add(h);
    };
    changed(() => writeFileSync(join(root, 'libs/domain/src/index.ts'), 'export const b = 3;\n'));
    changed(() => renameSync(join(root, 'apps/service/src/main.ts'), join(root, 'apps/service/src/start.ts')));
    changed(() => writeFileSync(join(root, 'libs/domain/src/new.ts'), ''));
    for (const f of ['package-lock.json', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'])
      changed(() => writeFileSync(join(root, f), `{"changed":"${f}"}\n`));

    const before = hashOf(root);
    writeFileSync(join(root, 'apps/service/src/main.spec.ts'), 'it("y", () => {});\n');
    expect(hashOf(root)).toBe(before);
  });
});
