import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, SqlClient } from '@dateline/event-store';
import { EVENT_STORE, SQL_CLIENT } from './storage.tokens';

/**
 * Closes the store and its database last: followers stop in `beforeApplicationShutdown`,
 * which Nest runs before any `onApplicationShutdown`.
 */
@Injectable()
export class StorageLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.sql.close();
  }
}
