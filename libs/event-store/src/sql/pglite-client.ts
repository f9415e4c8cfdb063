import { PGlite, types } from '@electric-sql/pglite';
import { initPgliteDataDir } from './pglite-initdb';
import { Lease, SqlClient, SqlQueryable } from './sql-client';

/**
 * Embedded PostgreSQL (PGlite, WASM) in a data directory, or in memory without one.
 * Single-process: while this holds the directory, nothing else can open it.
 */
export class PgliteClient implements SqlClient {
  readonly driver = 'pglite' as const;

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir?: string): Promise<PgliteClient> {
    if (dataDir) await initPgliteDataDir(dataDir);
    const db = await PGlite.create(dataDir, {
      // INT8 as strings, as `pg` returns them, so both drivers give the adapters the same rows.
      parsers: { [types.INT8]: (v: string) => v },
      // 16 MB of shared buffers instead of PostgreSQL's 128 MB: the buffers live in the WASM
      // heap, which never shrinks. Measured: a restarted service's RSS 344 → 216 MiB
      // (bench/support/pglite-memory-probe.ts); the embedded default is for one newsroom's data.
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
    });
    return new PgliteClient(db);
  }

  async query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }> {
    const res = await this.db.query<R>(text, params as unknown[]);
    return { rows: res.rows };
  }

  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      fn({ query: async <R>(text: string, params?: unknown[]) => ({ rows: (await tx.query<R>(text, params as unknown[])).rows }) }),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const unlisten = await this.db.listen(channel, () => onNotify());
    return () => unlisten();
  }

  /** One process owns PGlite, so it is always the leader; a lease taken twice here is a bug. */
  async tryLease(name: string): Promise<Lease | undefined> {
    if (this.leases.has(name)) return undefined;
    this.leases.add(name);
    return { lost: new Promise<void>(() => undefined), confirm: async () => this.leases.has(name), release: async () => void this.leases.delete(name) };
  }

  private readonly leases = new Set<string>();

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
