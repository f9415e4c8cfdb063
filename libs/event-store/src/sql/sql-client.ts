/**
 * The little the PostgreSQL adapters need from a driver, so that one adapter runs on both a
 * PostgreSQL server (`pg`) and embedded PGlite.
 */
export interface SqlQueryable {
  /**
   * `name` makes it a prepared statement where the driver has them (parsed once per connection;
   * PostgreSQL still plans it again for each execution's parameters unless it settles on a
   * generic plan, or `options.genericPlan` asks for one).
   */
  query<R = Record<string, unknown>>(text: string, params?: unknown[], name?: string, options?: QueryOptions): Promise<{ rows: R[] }>;
  /**
   * Runs `statement`, a `COPY … FROM STDIN`, sending `data` (COPY's text format, already
   * escaped) as its input. Only a transaction opened with `{ bulkLoad: true }` on a driver that
   * streams COPY (pg) has it; a caller without it writes with INSERT.
   */
  copyFrom?(statement: string, data: string): Promise<void>;
}

export interface QueryOptions {
  /**
   * Run a named statement under its generic plan, planned once per connection, never for each
   * execution's parameters (PostgreSQL's plan_cache_mode = force_generic_plan). Only for a
   * statement whose generic plan was checked to be as good as the custom ones for every
   * parameter it gets: PostgreSQL keeps planning some statements afresh forever, at ten times
   * their execution's cost (docs/benchmarks.md). PGlite ignores it.
   */
  readonly genericPlan?: boolean;
}

export interface TransactionOptions {
  /**
   * The transaction's `copyFrom` loads rows with COPY where the driver can (a rebuild on a
   * PostgreSQL server); PGlite ignores it. Asked for, not always on: COPY pays off on thousands
   * of rows, and for a few an INSERT costs fewer round trips.
   */
  readonly bulkLoad?: boolean;
}

export interface SqlClient extends SqlQueryable {
  readonly driver: 'pg' | 'pglite';
  /** Runs `fn` in one transaction: commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Calls `onNotify` for each NOTIFY on `channel`, from any process. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  /**
   * Takes the session-level advisory lock `name` on a connection of its own, or answers
   * undefined at once when another session holds it. The lock is the lease: it lasts until
   * `release()` or until that connection dies (with its process), when PostgreSQL frees it.
   */
  tryLease(name: string): Promise<Lease | undefined>;
  /**
   * Resolves once everything committed before the call is on disk. PostgreSQL's COMMIT already
   * waits for its WAL flush; embedded PGlite syncs here, grouped (ADR 0009). Call it after the
   * commit, before acknowledging, without holding a connection.
   */
  syncCommitted(): Promise<void>;
  close(): Promise<void>;
}

export interface Lease {
  /** Settles when the lease is gone without `release()`: the connection failed. */
  readonly lost: Promise<void>;
  /** True when the lock's session still answers, so the lock is still ours (one round trip). */
  confirm(): Promise<boolean>;
  release(): Promise<void>;
}
