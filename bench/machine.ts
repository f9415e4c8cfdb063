import { cpus, totalmem } from 'node:os';
import pg from 'pg';

/** The machine a benchmark ran on, written next to every result. */
export async function describeMachine(pgUrl?: string): Promise<Record<string, unknown>> {
  const info: Record<string, unknown> = {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const { rows } = await client.query(
      `SELECT version() AS version,
              current_setting('fsync') AS fsync,
              current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('shared_buffers') AS shared_buffers`,
    );
    await client.end();
    info.postgres = rows[0];
  }
  return info;
}
