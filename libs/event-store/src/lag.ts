import type { EventStore, Position } from './event-store.port';

export interface Lag {
  /** Events logged after `position`, counted up to LAG_COUNT_LIMIT. */
  readonly events: number;
  /** True when there were more than LAG_COUNT_LIMIT: `events` is a floor. */
  readonly capped: boolean;
  /** Age of the oldest event after `position` (its recordedAt), seconds; 0 when caught up. */
  readonly seconds: number;
}

export const LAG_COUNT_LIMIT = 10_000;

/**
 * How far a follower (projector, relay) at `position` is behind the log. Positions have gaps,
 * so the events are counted, not subtracted; the count stops at a limit to stay cheap.
 */
export async function measureLag(store: EventStore, position: Position, now = Date.now()): Promise<Lag> {
  const behind = await store.backlog(position, LAG_COUNT_LIMIT + 1);
  const seconds = behind.firstRecordedAt ? Math.max(0, (now - Date.parse(behind.firstRecordedAt)) / 1000) : 0;
  return { events: Math.min(behind.events, LAG_COUNT_LIMIT), capped: behind.events > LAG_COUNT_LIMIT, seconds };
}
