import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Layer rules, checked rather than remembered: dependency-cruiser runs over the real tree with
 * .dependency-cruiser.cjs and must find nothing; then over a small generated tree that breaks
 * every rule once, where it must find exactly those breaches (so a rule that stopped matching,
 * or a new rule without a breach of its own here, fails this spec).
 */
const ROOT = resolve('.');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

interface CruiseResult {
  summary: {
    violations: { rule: { name: string }; from: string; to: string; type: string }[];
    totalCruised: number;
  };
}

function cruise(cwd: string, dirs: string[]): { violations: Violation[]; modules: number } {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', ...dirs], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error || !run.stdout.startsWith('{'))
    throw new Error(`depcruise failed (status ${run.status}): ${run.error?.message ?? ''}${run.stderr}`);
  const { summary } = JSON.parse(run.stdout) as CruiseResult;
  // A package is named as such (`npm:@nestjs/common`), wherever npm put it.
  const violations = summary.violations.map((v) => ({
    rule: v.rule.name,
    from: v.from,
    to: v.to.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, 'npm:$1'),
  }));
  return { violations: violations.sort(byText), modules: summary.totalCruised };
}

const byText = (a: Violation, b: Violation) => text(a).localeCompare(text(b));
const text = (v: Violation) => `${v.rule}: ${v.from} → ${v.to}`;

describe('layer rules (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  it('the repository breaks none of them, and has no import cycle', () => {
    const { violations, modules } = cruise(ROOT, ['apps', 'libs', 'test', 'bench']);
    // Lines such as "no-circular: libs/a.ts → libs/b.ts" when it fails.
    expect(violations.map(text)).toEqual([]);
    expect(modules).toBeGreaterThan(300);
  });

  describe('each rule catches a deliberate breach', () => {
    // The breaches: a tree shaped like the repository, generated outside it so that tsc, jest and
    // nest never see these files. Every import here resolves unless the breach is that it does not.
    const files: Record<string, string> = {
      'libs/domain/src/index.ts': "export * from './story';\n",
      'libs/domain/src/story.ts': "import { randomUUID } from 'node:crypto';\nexport const newId = randomUUID;\n",
      'libs/domain/src/pure.ts':
        "import { newId } from './story';\nimport { PostgresEventStore } from '@dateline/event-store';\nexport { newId, PostgresEventStore };\n",
      // The schema libraries are allowed in the domain (the event catalogue is declared with them); no other package is.
      'libs/domain/src/schema.ts':
        "import Type from 'typebox';\nimport { Ajv2020 } from 'ajv/dist/2020.js';\nimport { parse } from 'yaml';\nexport const s = [Type.String(), Ajv2020, parse];\n",
      'libs/domain/src/story.spec.ts':
        "import { expect } from '@jest/globals';\nimport { readFileSync } from 'node:fs';\nimport { newId } from './story';\nexpect(newId).toBe(readFileSync);\n",
      'libs/domain/src/testing/spec-helper.ts':
        "import { expect } from '@jest/globals';\nexport const same = (a: unknown, b: unknown) => expect(a).toEqual(b);\n",
      'libs/event-store/src/index.ts': "export * from './postgres/postgres-event-store';\n",
      'libs/event-store/src/postgres/postgres-event-store.ts': 'export class PostgresEventStore {}\n',
      'libs/event-store/src/eventstoredb/index.ts': "export * from './eventstoredb-event-store';\n",
      'libs/event-store/src/eventstoredb/eventstoredb-event-store.ts': 'export class EventStoreDbEventStore {}\n',
      'libs/event-store/src/testing/index.ts': 'export const freePort = async () => 0;\n',
      'libs/event-store/src/with-nest.ts': "import { Injectable } from '@nestjs/common';\nexport { Injectable };\n",
      'libs/event-store/src/store.spec.ts': "import { freePort } from '../../../test/support/ports';\nexport { freePort };\n",
      'libs/projections/src/index.ts': "export * from './a';\n",
      'libs/projections/src/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'libs/projections/src/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
      'libs/projections/src/to-kafka.ts': "import { relay } from '@dateline/kafka';\nexport { relay };\n",
      'libs/projections/src/to-app.ts': "import { main } from '../../../apps/service/src/main';\nexport { main };\n",
      'libs/projections/src/read-models/timeline/timeline.table.ts': 'export const TIMELINE = 1;\n',
      'libs/projections/src/read-models/history/history.queries.ts':
        "import { TIMELINE } from '../timeline/timeline.table';\nexport const HISTORY = TIMELINE;\n",
      'libs/kafka/src/index.ts': 'export const relay = 1;\n',
      // The fact finder may use the domain, its language packages and node:crypto; not the store, nor another package.
      'libs/fact-finder/src/index.ts':
        "import { createHash } from 'node:crypto';\nimport { parse } from 'chrono-node';\nimport { newId } from '@dateline/domain';\nexport const f = [createHash, parse, newId];\n",
      'libs/fact-finder/src/to-store.ts':
        "import { PostgresEventStore } from '@dateline/event-store';\nimport { readFileSync } from 'node:fs';\nexport { PostgresEventStore, readFileSync };\n",
      'libs/kafka/src/to-projections.ts': "import { a } from '@dateline/projections';\nexport { a };\n",
      'libs/kafka/src/mistyped.ts': "import { relay } from '@dateline/kafak';\nexport { relay };\n",
      'apps/service/src/main.ts': [
        "import { PostgresEventStore } from '@dateline/event-store';",
        "import { EventStoreDbEventStore } from '@dateline/event-store/eventstoredb';",
        'export const main = [PostgresEventStore, EventStoreDbEventStore];',
        '',
      ].join('\n'),
      'apps/service/src/deep-store.ts':
        "import { PostgresEventStore } from '@dateline/event-store/postgres/postgres-event-store';\nexport { PostgresEventStore };\n",
      'apps/service/src/uses-testing.ts': "import { freePort } from '@dateline/event-store/testing';\nexport { freePort };\n",
      'apps/service/src/writing/write-response.ts': 'export interface WriteResponse { id: string }\n',
      'apps/service/src/stories/commands/create-story/create-story.handler.ts': [
        "import { WriteResponse } from '../../../writing/write-response';",
        "import { ReviseStory } from '../revise-story/revise-story.command';",
        "import { CreateStory } from './create-story.command';",
        'export const handled: [WriteResponse?, ReviseStory?, CreateStory?] = [];',
        '',
      ].join('\n'),
      'apps/service/src/stories/commands/create-story/create-story.command.ts': 'export class CreateStory {}\n',
      'apps/service/src/stories/commands/revise-story/revise-story.command.ts': 'export class ReviseStory {}\n',
      'apps/cli/src/main.spec.ts':
        "import { freePort } from '../../../test/support/ports';\nimport { freePort as ok } from '@dateline/event-store/testing';\nexport { freePort, ok };\n",
      'test/support/ports.ts': "export { freePort } from '@dateline/event-store/testing';\n",
    };

    const expected: Violation[] = [
      { rule: 'domain-imports-only-domain', from: 'libs/domain/src/story.ts', to: 'crypto' },
      { rule: 'domain-imports-only-domain', from: 'libs/domain/src/pure.ts', to: 'libs/event-store/src/index.ts' },
      { rule: 'domain-imports-only-domain', from: 'libs/domain/src/schema.ts', to: 'npm:yaml' },
      {
        rule: 'fact-finder-imports-domain-and-language-tools',
        from: 'libs/fact-finder/src/to-store.ts',
        to: 'libs/event-store/src/index.ts',
      },
      { rule: 'fact-finder-imports-domain-and-language-tools', from: 'libs/fact-finder/src/to-store.ts', to: 'fs' },
      { rule: 'domain-tests-import-only-domain-and-test-tools', from: 'libs/domain/src/story.spec.ts', to: 'fs' },
      { rule: 'libs-not-to-apps-test-bench', from: 'libs/event-store/src/store.spec.ts', to: 'test/support/ports.ts' },
      { rule: 'libs-not-to-apps-test-bench', from: 'libs/projections/src/to-app.ts', to: 'apps/service/src/main.ts' },
      { rule: 'apps-not-to-test-bench', from: 'apps/cli/src/main.spec.ts', to: 'test/support/ports.ts' },
      { rule: 'testing-helpers-only-in-tests', from: 'apps/service/src/uses-testing.ts', to: 'libs/event-store/src/testing/index.ts' },
      { rule: 'projections-not-to-kafka', from: 'libs/projections/src/to-kafka.ts', to: 'libs/kafka/src/index.ts' },
      { rule: 'kafka-not-to-projections', from: 'libs/kafka/src/to-projections.ts', to: 'libs/projections/src/index.ts' },
      {
        rule: 'event-store-through-entry-points',
        from: 'apps/service/src/deep-store.ts',
        to: 'libs/event-store/src/postgres/postgres-event-store.ts',
      },
      { rule: 'event-store-no-nest-no-http', from: 'libs/event-store/src/with-nest.ts', to: 'npm:@nestjs/common' },
      {
        rule: 'write-slices-independent',
        from: 'apps/service/src/stories/commands/create-story/create-story.handler.ts',
        to: 'apps/service/src/stories/commands/revise-story/revise-story.command.ts',
      },
      {
        rule: 'read-model-slices-independent',
        from: 'libs/projections/src/read-models/history/history.queries.ts',
        to: 'libs/projections/src/read-models/timeline/timeline.table.ts',
      },
      { rule: 'no-circular', from: 'libs/projections/src/a.ts', to: 'libs/projections/src/b.ts' },
      { rule: 'not-to-unresolvable', from: 'libs/kafka/src/mistyped.ts', to: '@dateline/kafak' },
    ];

    let dir: string;
    let found: Violation[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'dateline-layering-'));
      for (const [path, source] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), source);
      }
      // The same aliases and the same package list (npm-dev vs npm) as the repository.
      copyFileSync(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
      copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      found = cruise(dir, ['apps', 'libs', 'test']).violations;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finds exactly the planted breaches, and none in what the rules allow', () => {
      expect(found.map(text)).toEqual([...expected].sort(byText).map(text));
    });

    it('has a breach for every rule in the configuration', () => {
      const rules = (createRequire(CONFIG)(CONFIG) as { forbidden: { name: string }[] }).forbidden.map((r) => r.name);
      expect([...new Set(found.map((v) => v.rule))].sort()).toEqual([...rules].sort());
    });
  });
});
