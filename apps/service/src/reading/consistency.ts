import { ProjectorService } from '@dateline/projections';

export interface HeaderSink {
  header(name: string, value: string): unknown;
}

/**
 * Waits (bounded) for the read models to reach `minPosition`, then answers the position they
 * are at. When they do not get there in time, the read still answers with what it has, and
 * says so in `X-Dateline-Caught-Up: false`.
 */
export async function readPosition(
  projector: ProjectorService,
  minPosition: number | undefined,
  waitMs: number,
  reply: HeaderSink,
): Promise<number> {
  if (minPosition !== undefined) {
    const caughtUp = await projector.waitFor(minPosition, waitMs);
    reply.header('X-Dateline-Caught-Up', String(caughtUp));
  }
  return projector.position();
}
