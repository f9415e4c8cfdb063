/**
 * The event store port. Adapters: PostgreSQL (`postgres/`, on `pg` or embedded PGlite) and
 * EventStoreDB/KurrentDB (`eventstoredb/`, its own entry point `@dateline/event-store/eventstoredb`:
 * docs/adr/0003-eventstoredb-adapter.md). One contract suite (`event-store.contract-spec.ts`)
 * runs against each.
 */

/**
 * A place in the global log. Monotonic in log order, with gaps. 0 means "before everything".
 * A JS number: adapters keep it below 2^53 (see docs/adr/0001-global-log-order.md).
 */
export type Position = number;

/** `any`, `no_stream`, `stream_exists`, or the exact version the stream must be at. */
export type ExpectedVersion = 'any' | 'no_stream' | 'stream_exists' | number;

export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  /** 1 for a stream's first event. */
  readonly streamVersion: number;
  readonly position: Position;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
}

export interface AppendOptions {
  /** An append retried with the same key appends nothing and answers the first result. */
  readonly idempotencyKey?: string;
  /** What the key was first used for; the same key with another fingerprint is refused. */
  readonly fingerprint?: string;
  /**
   * Unique names the stream takes with this append, e.g. `story-slug:istanbul-peace-talks-2025`.
   * A claim belongs to one stream for good: when another stream holds one, nothing is appended
   * and the append throws `ClaimTaken` naming the holder. Taken in the append's own transaction
   * on PostgreSQL/PGlite; EventStoreDB has no multi-stream transaction, see
   * docs/adr/0010-unique-slugs.md for how it keeps the rule there.
   */
  readonly claims?: readonly string[];
}

export interface AppendResult {
  /** The stream appended to: for an idempotent replay, the first call's stream. */
  readonly streamId: string;
  /** The stream's version after the append. */
  readonly version: number;
  readonly firstPosition: Position;
  /** Position of the last appended event. */
  readonly position: Position;
  /** True when the idempotency key had been used: nothing was appended. */
  readonly replayed: boolean;
}

export interface Subscription {
  /** Stops after the batch in hand; resolves when the follower has stopped. */
  stop(): Promise<void>;
  /** Settles when the follower stops: rejects with the handler's error if one failed. */
  readonly done: Promise<void>;
}

export interface SubscribeOptions {
  readonly batchSize?: number;
  /** Poll interval when nothing wakes the follower, ms. */
  readonly idlePollMs?: number;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], expected: ExpectedVersion, options?: AppendOptions): Promise<AppendResult>;
  /**
   * The first result of an append made with this idempotency key, or undefined if the key is
   * unused. Throws IdempotencyKeyReused when the key was used with another fingerprint.
   */
  findIdempotent(key: string, fingerprint: string): Promise<AppendResult | undefined>;
  /** The stream that holds a claim made with `append(…, { claims })`, or undefined. */
  claimHolder(claim: string): Promise<string | undefined>;
  /** A stream's events in version order; empty for a stream that does not exist. */
  readStream(stream: string, afterVersion?: number): Promise<RecordedEvent[]>;
  /** Events after `after` in log order. Never skips an event, also under concurrent appends. */
  readAll(after: Position, limit: number): Promise<RecordedEvent[]>;
  /** Catch-up from `after`, then live. The handler gets batches in log order and is awaited. */
  subscribe(after: Position, handler: (batch: RecordedEvent[]) => Promise<void>, options?: SubscribeOptions): Subscription;
  /**
   * How many events `readAll(after, …)` could return now, counted up to `limit`, and the first
   * one's `metadata.recordedAt`: a follower's lag, without reading the events themselves (health
   * probes and metrics scrapes ask it every few seconds, also while a follower is far behind).
   */
  backlog(after: Position, limit: number): Promise<Backlog>;
  /** How many events `readAll` can return now (for progress bars). */
  countEvents(): Promise<number>;
  /** The position of the last event `readAll` can return now. */
  headPosition(): Promise<Position>;
  close(): Promise<void>;
}

export interface Backlog {
  /** Events after the position, at most the limit asked. */
  readonly events: number;
  /** `metadata.recordedAt` of the first of them, when there is one and it has it. */
  readonly firstRecordedAt?: string;
}
