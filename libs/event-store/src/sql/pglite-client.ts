import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { DataDirLock } from './data-dir-lock';
import { DurableNodeFS } from './pglite-durable-fs';
import { initPgliteDataDir } from './pglite-initdb';
import { Lease, SqlClient, SqlQueryable } from './sql-client';

export interface PgliteOpenOptions {
  /**
   * Sync what each commit wrote to disk before `syncCommitted()` resolves (ADR 0009). Default
   * true; false is PGlite's own behaviour (nothing is ever synced), kept for the benchmark that
   * measures what the sync costs.
   */
  readonly sync?: boolean;
  /** What the data directory's lock says this process serves, e.g. `http://127.0.0.1:3000`. */
  readonly serves?: string;
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in a data directory, or in memory without one.
 * Single-process: one process owns a directory (`DataDirLock`), and a second one is refused.
 */
export class PgliteClient implements SqlClient {
  readonly driver = 'pglite' as const;

  private constructor(
    private readonly db: PGlite,
    private readonly durable?: DurableNodeFS,
    private readonly lock?: DataDirLock,
  ) {}

  static async open(dataDir?: string, options: PgliteOpenOptions = {}): Promise<PgliteClient> {
    // The lock comes first: not even initdb may run in a directory another process owns.
    const lock = dataDir ? DataDirLock.acquire(dataDir, options.serves) : undefined;
    try {
      if (dataDir) await initPgliteDataDir(dataDir, { sync: options.sync });
      const durable = dataDir && options.sync !== false ? new DurableNodeFS(dataDir) : undefined;
      const db = await PGlite.create({
        ...(durable ? { fs: durable } : { dataDir }),
        // The contrib extensions the read models' search indexes use (docs/search.md): PGlite
        // loads an extension's files only when given here; CREATE EXTENSION then finds them.
        extensions: { unaccent, pg_trgm },
        // INT8 as strings, as `pg` returns them, so both drivers give the adapters the same rows.
        parsers: { [types.INT8]: (v: string) => v },
        // 16 MB of shared buffers instead of PostgreSQL's 128 MB: the buffers live in the WASM
        // heap, which never shrinks. Measured: a restarted service's RSS 344 → 216 MiB
        // (bench/support/pglite-memory-probe.ts); the embedded default is for one newsroom's data.
        startParams: [...(durable ? DURABLE_START_PARAMS : PGlite.defaultStartParams), '-c', 'shared_buffers=16MB'],
      });
      return new PgliteClient(db, durable, lock);
    } catch (err) {
      lock?.release();
      throw err;
    }
  }

  /** On disk when `sync` is on: see `DurableNodeFS`. In memory or with `sync: false`, at once. */
  async syncCommitted(): Promise<void> {
    await this.durable?.sync();
  }

  /** Syncs run so far (group commits, and WAL-before-data barriers), for tests. */
  get syncStats(): { groupSyncs: number; barriers: number } | undefined {
    return this.durable?.stats;
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
    return {
      lost: new Promise<void>(() => undefined),
      confirm: async () => this.leases.has(name),
      release: async () => void this.leases.delete(name),
    };
  }

  private readonly leases = new Set<string>();

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.lock?.release();
    }
  }
}

/**
 * PGlite's start parameters with fsync on (without `-F`), and the commit's WAL flush through
 * fdatasync, which PGlite's Emscripten leaves a no-op: `DurableNodeFS` does that flush itself,
 * after the commit, grouped.
 */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fdatasync'];
