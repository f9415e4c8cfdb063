/**
 * The little the PostgreSQL adapters need from a driver, so that one adapter runs on both a
 * PostgreSQL server (`pg`) and embedded PGlite.
 */
export interface SqlQueryable {
  /** `name` makes it a prepared statement where the driver has them (parsed and planned once per connection). */
  query<R = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<{ rows: R[] }>;
}

export interface SqlClient extends SqlQueryable {
  readonly driver: 'pg' | 'pglite';
  /** Runs `fn` in one transaction: commits if it resolves, rolls back if it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` for each NOTIFY on `channel`, from any process. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
