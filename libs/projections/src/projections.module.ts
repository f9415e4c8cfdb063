import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PROJECTION_CLASSES } from './projections';
import { PROJECTIONS_OPTIONS, ProjectionsOptions, ProjectorService } from './projector.service';

/**
 * The read side: the projections (`@EventsHandler` classes) and the projector that runs them.
 * Expects EVENT_STORE and SQL_CLIENT from the application.
 */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: [DiscoveryModule],
      providers: [{ provide: PROJECTIONS_OPTIONS, useValue: options }, ...PROJECTION_CLASSES, ProjectorService],
      exports: [ProjectorService],
    };
  }
}
