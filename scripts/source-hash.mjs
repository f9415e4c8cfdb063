// What `npm run build` reads, hashed: scripts/build-if-changed.mjs compares it with the stamp of
// the last successful build. Kept apart so that a test can hash a tree of its own.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const CONFIG_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const SOURCE_DIRS = ['apps', 'libs'];
// tsconfig.build.json's exclude: editing a unit test must not cost a rebuild.
const NOT_BUILT = /\.(spec|e2e-spec)\.ts$/;

/** The build's inputs under `root`, as one hex SHA-256 (see build-if-changed.mjs). */
export function sourceHash(root) {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const files = [
    ...CONFIG_FILES.map((f) => join(root, f)).filter((f) => existsSync(f)),
    ...SOURCE_DIRS.filter((dir) => existsSync(join(root, dir))).flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !NOT_BUILT.test(e.name))
        .map((e) => join(e.parentPath, e.name)),
    ),
  ].sort();
  for (const file of files) {
    // The path too: a renamed or deleted file changes the hash even if no content did.
    hash
      .update(`${relative(root, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}
