import pg from 'pg';
import { SqlClient, SqlQueryable } from './sql-client';

/** A PostgreSQL server through a `pg` pool. */
export class PgClient implements SqlClient {
  readonly driver = 'pg' as const;
  private readonly pool: pg.Pool;

  constructor(connectionString: string, poolSize = Number(process.env.DATELINE_PG_POOL_MAX ?? 20)) {
    this.pool = new pg.Pool({ connectionString, max: poolSize });
    // An idle client that loses its server must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async query<R>(text: string, params?: unknown[], name?: string): Promise<{ rows: R[] }> {
    const res = await this.pool.query({ text, values: params as unknown[], ...(name ? { name } : {}) });
    return { rows: res.rows as R[] };
  }

  async transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = {
        query: async <R>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params as unknown[])).rows as R[] }),
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    client.on('notification', (msg) => {
      if (msg.channel === channel) onNotify();
    });
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
      client.release();
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
