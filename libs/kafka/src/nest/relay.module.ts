import { DynamicModule, Module } from '@nestjs/common';
import { RELAY_OPTIONS, RelayModuleOptions, RelayService } from './relay.service';

/** The Kafka relay. Expects EVENT_STORE and SQL_CLIENT from the application. */
@Module({})
export class RelayModule {
  static forRoot(options: RelayModuleOptions): DynamicModule {
    return {
      module: RelayModule,
      providers: [{ provide: RELAY_OPTIONS, useValue: options }, RelayService],
      exports: [RelayService],
    };
  }
}
