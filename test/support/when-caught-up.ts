import { EventStore, SqlQueryable } from '@dateline/event-store';
import { readModelPosition } from '@dateline/projections';

/**
 * Resolves when the read models (in any process) have reached the log's head: the tests' way
 * to wait for projections without sleeping for a guessed time.
 */
export async function whenCaughtUp(store: EventStore, sql: SqlQueryable, timeoutMs = 30_000): Promise<number> {
  const head = await store.headPosition();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Before the projector's first start, its checkpoint table does not exist yet.
    const position = await readModelPosition(sql).catch(() => -1);
    if (position >= head) return position;
    if (Date.now() > deadline) throw new Error(`read models stuck at ${position}, log head ${head}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
