import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Layer rules, checked rather than remembered (STYLE.md). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.ts') && !/\.(spec|contract-spec|e2e-spec)\.ts$/.test(f.name))
    .map((f) => join(f.parentPath, f.name));
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('layer rules', () => {
  it('libs/domain imports nothing but itself: no framework, no I/O', () => {
    const offending = sources('libs/domain/src').flatMap((f) => imports(f).filter((i) => !i.startsWith('.')).map((i) => `${f}: ${i}`));
    expect(offending).toEqual([]);
  });

  it('libs/event-store knows no NestJS and no HTTP', () => {
    const offending = sources('libs/event-store/src').flatMap((f) => imports(f).filter((i) => /^@nestjs|^fastify|^express/.test(i)).map((i) => `${f}: ${i}`));
    expect(offending).toEqual([]);
  });

  it('libraries never import the apps', () => {
    const offending = sources('libs').flatMap((f) => imports(f).filter((i) => i.includes('apps/')).map((i) => `${f}: ${i}`));
    expect(offending).toEqual([]);
  });
});
