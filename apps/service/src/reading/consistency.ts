import { ReadModelPositions } from '@dateline/projections';

export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * Waits (bounded) for the read models a read uses to reach `minPosition`, then answers the
 * position they are at: a read model that is behind (replaying, say) holds back only the reads
 * that use it (docs/adr/0012-read-model-positions.md). When they do not get there in time, the
 * read still answers with what it has, and says so in `X-Dateline-Caught-Up: false`. Without
 * `minPosition`, where another process projects, a position read at most a poll ago will do
 * (ReadModelPositions.recent).
 */
export async function readPosition(
  positions: ReadModelPositions,
  readModels: readonly string[],
  minPosition: number | undefined,
  waitMs: number,
  reply: HeaderSink,
): Promise<number> {
  if (minPosition === undefined) return positions.recent(readModels);
  const caughtUp = await positions.waitFor(readModels, minPosition, waitMs);
  reply.header('X-Dateline-Caught-Up', String(caughtUp));
  return positions.position(readModels);
}
