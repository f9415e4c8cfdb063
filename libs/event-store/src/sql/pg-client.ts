import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { Lease, QueryOptions, SqlClient, SqlQueryable, TransactionOptions } from './sql-client';

/** How often a held lease checks that its connection is alive, ms. */
const LEASE_HEARTBEAT_MS = 2000;
/** Pause before a lost LISTEN connection is opened again, ms; followers poll meanwhile. */
const LISTEN_RECONNECT_MS = 1000;
/** Idle time before TCP keep-alive probes start, ms: a vanished server is noticed in seconds, not hours. */
const TCP_KEEPALIVE_DELAY_MS = 10_000;

/** A PostgreSQL server through a `pg` pool. */
export class PgClient implements SqlClient {
  readonly driver = 'pg' as const;
  private readonly pool: pg.Pool;
  /**
   * The connections that run statements under their generic plans (QueryOptions.genericPlan):
   * a setting of the session, so these statements get sessions of their own rather than a SET
   * before and after each (two more round trips). Opened on demand, as the other pool's are.
   */
  private readonly genericPool: pg.Pool;
  /** Leases still held: close() gives them back, or the pool would wait for their connections. */
  private readonly leases = new Set<Lease>();

  /** `poolSize`: the service's DATELINE_PG_POOL_MAX, parsed by its settings (this lib reads no environment). */
  constructor(connectionString: string, poolSize: number) {
    // keepAlive: a server that vanished without a word is noticed by TCP, not after hours.
    const config = { connectionString, max: poolSize, keepAlive: true, keepAliveInitialDelayMillis: TCP_KEEPALIVE_DELAY_MS };
    this.pool = new pg.Pool(config);
    this.genericPool = new pg.Pool({ ...config, options: '-c plan_cache_mode=force_generic_plan' });
    // An idle client that loses its server must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
    this.genericPool.on('error', () => undefined);
  }

  async query<R>(text: string, params?: unknown[], name?: string, options?: QueryOptions): Promise<{ rows: R[] }> {
    const pool = name && options?.genericPlan ? this.genericPool : this.pool;
    const res = await pool.query({ text, values: params, ...(name ? { name } : {}) });
    return { rows: res.rows as R[] };
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const client = await this.pool.connect();
    // pg-pool drops its own error listener while a client is checked out: without one of ours,
    // a server going away mid-transaction is an unhandled 'error' that ends the process. The
    // failed query rejects anyway, and the caller sees that.
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = {
        query: async <R>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params as unknown[])).rows as R[] }),
        ...(options.bulkLoad ? { copyFrom: (statement: string, data: string) => copyIn(client, statement, data) } : {}),
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      // The transaction's own error is the one thrown; a ROLLBACK that fails means the connection
      // is gone, and the server rolls the transaction back with it.
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.removeListener('error', ignore);
      client.release();
    }
  }

  /**
   * LISTENs on a connection of its own. When the server drops it (restart, failover), it
   * listens again on a new one, retrying every second; meanwhile followers still poll, so a
   * missed NOTIFY only costs latency. Without the error listener, the drop would be an
   * unhandled 'error' that ends the process.
   */
  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    let client: pg.PoolClient | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      const c = await this.pool.connect();
      c.on('notification', (msg) => {
        if (msg.channel === channel) onNotify();
      });
      c.on('error', () => {
        if (client !== c) return;
        client = undefined;
        c.release(true);
        schedule();
      });
      try {
        await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      } catch (err) {
        c.release(true);
        throw err;
      }
      if (stopped) return void c.release();
      client = c;
      onNotify(); // events may have come while nobody listened
    };
    const schedule = () => {
      if (stopped) return;
      retry = setTimeout(() => void connect().catch(schedule), LISTEN_RECONNECT_MS);
      retry.unref();
    };
    await connect();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      if (!c) return;
      // A connection that cannot UNLISTEN is broken: the pool drops it, and its LISTEN with it.
      await c.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      c.release();
    };
  }

  async tryLease(name: string): Promise<Lease | undefined> {
    const client = await this.pool.connect();
    // From checkout on: pg-pool's own error listener is gone while we hold the client.
    let fail: () => void = () => undefined;
    const onError = () => fail();
    client.on('error', onError);
    let held = false;
    try {
      // Two keys: a namespace of ours, then the lease's name, so we collide with no one else's locks.
      const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext('dateline-lease'), hashtext($1)) AS ok", [
        name,
      ]);
      held = rows[0].ok;
    } finally {
      if (!held) {
        client.removeListener('error', onError);
        client.release();
      }
    }
    if (!held) return undefined;

    let signalLost!: () => void;
    const lost = new Promise<void>((resolve) => (signalLost = resolve));
    let released = false;
    // A connection can die silently (server restart, network): check it, and give up the lease.
    // A check that does not answer within the heartbeat interval counts as a dead connection.
    const ping = () => {
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('lease check timed out')), LEASE_HEARTBEAT_MS).unref(),
      );
      return Promise.race([client.query('SELECT 1'), timeout]);
    };
    // A failed check is the lease lost: fail() resolves `lost`, which the holder logs and acts on.
    const heartbeat = setInterval(() => void ping().catch(() => fail()), LEASE_HEARTBEAT_MS);
    heartbeat.unref();
    fail = () => {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      client.release(true); // destroy: the session, and with it the lock, must not live on in the pool
      signalLost();
    };
    client.on('end', onError);
    const lease: Lease = {
      lost,
      confirm: async () => {
        if (released) return false;
        try {
          await ping();
          return !released;
        } catch {
          // As the heartbeat: the lease is lost, and `lost` tells the holder.
          fail();
          return false;
        }
      },
      release: async () => {
        this.leases.delete(lease);
        if (released) return;
        released = true;
        clearInterval(heartbeat);
        // An advisory lock lives only as long as its session: if the unlock fails, the connection
        // is gone and the lock with it.
        await client.query("SELECT pg_advisory_unlock(hashtext('dateline-lease'), hashtext($1))", [name]).catch(() => undefined);
        client.release();
        // Only now: until the client is back in the pool, an error needs a listener.
        client.removeListener('error', onError);
        client.removeListener('end', onError);
      },
    };
    this.leases.add(lease);
    return lease;
  }

  /** COMMIT returned after PostgreSQL flushed its WAL (synchronous_commit on): nothing to do. */
  async syncCommitted(): Promise<void> {}

  async close(): Promise<void> {
    await Promise.all([...this.leases].map((l) => l.release()));
    await Promise.all([this.pool.end(), this.genericPool.end()]);
  }
}

/**
 * One `COPY … FROM STDIN` on `client` with `data` as its input (pg-copy-streams). Resolves once
 * PostgreSQL has taken every row; a row it refuses rejects with its error (SQLSTATE in `code`,
 * as for a query), and the transaction is then failed as after any failed statement.
 */
async function copyIn(client: pg.PoolClient, statement: string, data: string): Promise<void> {
  await pipeline(Readable.from([Buffer.from(data, 'utf8')]), client.query(copyFromStdin(statement)));
}
