import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { build } from 'esbuild';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { liveTables, nextTables, PROJECTION_CLASSES, rebuildProjections } from '@dateline/projections';
import { digest } from '../support/read-model-digest';
import { RandomHistory } from '../support/random-history';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { whenCaughtUp } from '../support/when-caught-up';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const PROCESS_BUNDLE = '.cache/projector-process.mjs';

/**
 * docs/architecture.md section 6, rule 3: a projection writes its read models and its checkpoint in one
 * transaction, so after any crash the read models equal a rebuild from scratch.
 */
describe('projector crash consistency (PostgreSQL, real child processes)', () => {
  let db: TempDatabase;
  let sql: PgClient;
  let store: PostgresEventStore;
  const children = new Set<ChildProcess>();
  beforeAll(async () => {
    // One bundle, started by plain node: a tsx child took 5-11 s to start on a loaded machine
    // (20 rounds, two starts each), a bundled one about 2 s.
    await build({
      entryPoints: ['test/support/projector-process.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: PROCESS_BUNDLE,
      tsconfig: 'tsconfig.json',
      logLevel: 'warning',
    });
    db = await createTempDatabase();
    sql = new PgClient(db.url, 8);
    store = await PostgresEventStore.create(sql);
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await store.close();
    await sql.close();
    await db.drop();
  });

  const startProjector = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [PROCESS_BUNDLE], {
        env: { ...process.env, DATABASE_URL: db.url, PROJECTOR_BATCH: String(3 + Math.floor(Math.random() * 10)) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.add(child);
      child.on('exit', () => children.delete(child));
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('projector: started') && resolve(child));
      child.on('exit', (code, signal) => signal === null && reject(new Error(`projector exited with ${code}`)));
    });

  const kill = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });

  it(`read models equal a rebuild after a SIGKILL at a random point, ${ROUNDS} rounds in a row`, async () => {
    const history = new RandomHistory(store);
    const results: boolean[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const projector = await startProjector();
      // Events stream in while the projector runs; it dies somewhere in the middle.
      const writing = history.write(40);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 250));
      await kill(projector);
      await writing;

      // Restart it, let it catch up, and compare with a rebuild from scratch.
      const restarted = await startProjector();
      await whenCaughtUp(store, sql, 30_000, history.lastPosition);
      await kill(restarted);

      let same = true;
      const fresh = PROJECTION_CLASSES.map((Projection) => new Projection());
      await rebuildProjections(store, sql, fresh, { swap: false });
      for (const projection of fresh) {
        const live = await digest(sql, projection, liveTables(projection.tables));
        const rebuilt = await digest(sql, projection, nextTables(projection.tables));
        expect(Object.values(live).every((t) => t.rows > 0)).toBe(true);
        expect(live).toEqual(rebuilt);
        same &&= JSON.stringify(live) === JSON.stringify(rebuilt);
      }
      results.push(same);
    }
    expect(results).toEqual(Array(ROUNDS).fill(true));
    // Each round starts two tsx processes (~1.6 s each on 2 cores, 5-11 s on a loaded machine)
    // and rebuilds four projections.
  }, 900_000);
});
