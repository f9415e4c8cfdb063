import { ReadModelFollower } from './read-model.follower';

export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * Waits (bounded) for the read model to reach `minPosition`. When it does not in time, the
 * read still answers with what it has, and says so in `X-Dateline-Caught-Up: false`.
 */
export async function awaitConsistency(follower: ReadModelFollower, minPosition: number | undefined, waitMs: number, reply: HeaderSink): Promise<void> {
  if (minPosition === undefined) return;
  const caughtUp = await follower.waitFor(minPosition, waitMs);
  reply.header('X-Dateline-Caught-Up', String(caughtUp));
}
