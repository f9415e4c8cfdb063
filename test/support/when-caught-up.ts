import { EventStore, SqlQueryable } from '@dateline/event-store';
import { readModelPosition } from '@dateline/projections';

/**
 * Resolves when the read models (in any process) have reached the log's head: the tests' way
 * to wait for projections without sleeping for a guessed time.
 *
 * `through`: the position of the last write the test made. The head a reader sees stops below
 * the oldest transaction still open anywhere in the PostgreSQL cluster (ADR 0001), so right
 * after a write it can be short of it while another database's long transaction runs (an index
 * build, a rebuild): waiting for the head to pass `through` first keeps the test from comparing
 * read models caught up to an earlier head.
 */
export async function whenCaughtUp(store: EventStore, sql: SqlQueryable, timeoutMs = 30_000, through?: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let head = await store.headPosition();
  while (through !== undefined && head < through) {
    if (Date.now() > deadline) throw new Error(`the log's readable head stuck at ${head}, short of the last write at ${through}`);
    await new Promise((r) => setTimeout(r, 10));
    head = await store.headPosition();
  }
  for (;;) {
    // Before the projector's first start, its checkpoint table does not exist yet.
    const position = await readModelPosition(sql).catch(() => -1);
    if (position >= head) return position;
    if (Date.now() > deadline) throw new Error(`read models stuck at ${position}, log head ${head}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
