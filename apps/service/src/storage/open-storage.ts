import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PgClient, PgliteClient, PostgresEventStore, SqlClient } from '@dateline/event-store';
import type { Settings } from '../config/settings';

export interface Storage {
  readonly sql: SqlClient;
  readonly store: PostgresEventStore;
  readonly description: string;
}

/** Storage is chosen by configuration, never by code: PostgreSQL with DATABASE_URL, else PGlite. */
export async function openStorage(settings: Settings): Promise<Storage> {
  let sql: SqlClient;
  let description: string;
  if (settings.databaseUrl) {
    sql = new PgClient(settings.databaseUrl);
    description = `PostgreSQL ${redact(settings.databaseUrl)}`;
  } else if (settings.inMemory) {
    sql = await PgliteClient.open();
    description = 'PGlite in memory';
  } else {
    const dir = join(settings.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    sql = await PgliteClient.open(dir);
    description = `PGlite in ${dir}`;
  }
  const store = await PostgresEventStore.create(sql);
  return { sql, store, description };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
