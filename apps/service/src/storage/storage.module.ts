import { DynamicModule, Global, Module } from '@nestjs/common';
import { Storage } from './open-storage';
import { StorageLifecycle } from './storage-lifecycle';
import { EVENT_STORE, SQL_CLIENT } from './storage.tokens';

/** The opened storage, for every module (the projections' module included). */
@Global()
@Module({})
export class StorageModule {
  static forRoot(storage: Storage): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: SQL_CLIENT, useValue: storage.sql }, { provide: EVENT_STORE, useValue: storage.store }, StorageLifecycle],
      exports: [SQL_CLIENT, EVENT_STORE],
    };
  }
}
