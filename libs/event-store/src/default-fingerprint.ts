import { NewEvent } from './event-store.port';

/**
 * What an idempotency key stands for when the caller gives no fingerprint: the same types and
 * data appended to the same stream. Event ids and metadata (recordedAt) differ between
 * attempts, so they are left out. Both adapters use this.
 */
export function defaultFingerprint(stream: string, events: readonly NewEvent[]): string {
  return JSON.stringify([stream, events.map((e) => [e.type, e.data])]);
}
