import type { EventStore, SqlClient } from '@dateline/event-store';
import { liveTables, nextTables, PROJECTION_CLASSES, rebuildProjections } from '@dateline/projections';
import { digest } from './read-model-digest';

/**
 * Rebuilds every projection from the log into the `__next` tables (no swap) and returns the
 * digests of the live tables and of the rebuilt ones: equal when the read models are exactly
 * what the log says (docs/architecture.md section 6, rule 3).
 */
export async function readModelsAndRebuild(
  store: EventStore,
  sql: SqlClient,
): Promise<{ live: Record<string, unknown>; rebuilt: Record<string, unknown> }> {
  const fresh = PROJECTION_CLASSES.map((Projection) => new Projection());
  await rebuildProjections(store, sql, fresh, { swap: false });
  const live: Record<string, unknown> = {};
  const rebuilt: Record<string, unknown> = {};
  for (const projection of fresh) {
    Object.assign(live, await digest(sql, projection, liveTables(projection.tables)));
    Object.assign(rebuilt, await digest(sql, projection, nextTables(projection.tables)));
  }
  return { live, rebuilt };
}
