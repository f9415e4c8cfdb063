import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, PgClient, PgliteClient, PostgresEventStore, SqlClient } from '@dateline/event-store';
import { EventStoreDbEventStore } from '@dateline/event-store/eventstoredb';
import type { Settings } from '../config/settings';

export interface Storage {
  readonly sql: SqlClient;
  readonly store: EventStore;
  readonly description: string;
}

/**
 * Storage is chosen by configuration, never by code: PostgreSQL with DATABASE_URL, else PGlite;
 * with EVENTSTORE_URL the events go to EventStoreDB and only the read models (and the ESDB
 * adapter's idempotency keys) stay in that database.
 */
export async function openStorage(settings: Settings): Promise<Storage> {
  let sql: SqlClient;
  let description: string;
  if (settings.databaseUrl) {
    sql = new PgClient(settings.databaseUrl, settings.pgPoolMax);
    description = `PostgreSQL ${redact(settings.databaseUrl)}`;
  } else if (settings.inMemory) {
    sql = await PgliteClient.open();
    description = 'PGlite in memory';
  } else {
    const dir = join(settings.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    // One process per directory: a second start is refused with the owner's pid and address.
    sql = await PgliteClient.open(dir, { serves: `http://${settings.host}:${settings.port}` });
    description = `PGlite in ${dir}`;
  }
  if (settings.eventStoreUrl) {
    const store = await EventStoreDbEventStore.create(settings.eventStoreUrl, sql);
    return { sql, store, description: `EventStoreDB ${redact(settings.eventStoreUrl)}, read models in ${description}` };
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
    // Cluster connection strings (esdb+discover://a:2113,b:2113) are no WHATWG URLs.
    return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}
