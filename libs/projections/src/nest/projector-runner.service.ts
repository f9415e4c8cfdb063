import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, LeaderRole, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, RoleState, SqlClient } from '@dateline/event-store';
import { freshCopy, Projection } from '../projection';
import { ensureSchema } from '../runner/checkpoints';
import { Projector } from '../runner/projector';
import { rebuildProjections, RebuildProgress } from '../runner/rebuild';
import { PROJECTIONS, PROJECTIONS_OPTIONS } from './projections.tokens';
import type { ProjectionsOptions } from './projections.tokens';

/**
 * Runs the projector in this process while it holds the projector role's lease (several
 * instances may have the role: one runs it, the others stand by), and rebuilds read models.
 * Every instance creates the read models' tables and checkpoints at start, so that it can read.
 */
@Injectable()
export class ProjectorRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private leader?: LeaderRole<Projector>;
  private readonly commitListeners = new Set<(position: number, previous: number) => void>();
  /** The read models' names, which are their projections' names. */
  readonly names: readonly string[];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
    @Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsOptions,
  ) {
    this.names = projections.map((p) => p.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureSchema(this.sql, this.projections);
    if (!this.options.runProjector) return;
    this.leader = new LeaderRole(this.sql, 'projector', {
      retryMs: this.options.leaderRetryMs,
      log: (message) => this.logger.log(message),
      start: () => this.startProjector(),
      stop: (projector) => projector.stop(),
    });
    this.leader.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.leader?.stop();
  }

  /** 'leader' when the projector runs here, 'standby' when another instance runs it, 'off' without the role. */
  get role(): RoleState {
    return this.leader?.state ?? 'off';
  }

  /** The projector while it runs in this process. */
  get running(): Projector | undefined {
    return this.leader?.current;
  }

  /**
   * Calls `listener` with the projector's position after each batch it commits here (and the
   * position before it), whichever projector is current across leadership changes. Returns the
   * unsubscribe function.
   */
  onCommitted(listener: (position: number, previous: number) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  /** Rebuilds read models into fresh tables, in one pass over the log, and swaps them in (blue/green). */
  rebuild(names: readonly string[], onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    return rebuildProjections(
      this.store,
      this.sql,
      names.map((name) => freshCopy(projectionNamed(this.projections, name))),
      { onProgress },
    );
  }

  private async startProjector(): Promise<Projector> {
    const projector = new Projector(this.store, this.sql, this.projections, {
      onError: (err) => this.logger.error(`projector failed, retrying: ${err instanceof Error ? err.message : String(err)}`),
      analyze: {
        onAnalyzed: (readModel, tables, events) =>
          this.logger.log(`analyzed ${tables.join(', ')} (read model ${readModel}) after ${events} events since the last ANALYZE`),
        // Not fatal: the plans keep their old statistics, and the next events try again.
        onFailed: (readModel, err) =>
          this.logger.warn(`ANALYZE of read model ${readModel} failed: ${err instanceof Error ? err.message : String(err)}`),
      },
      onQuarantined: (entries) => {
        for (const e of entries) {
          this.logger.error(
            `projection ${e.projection} quarantined event ${e.recorded.id} (${e.recorded.type}) at position ${e.recorded.position} of stream ${e.recorded.streamId}: ${e.error}`,
          );
        }
      },
    });
    await projector.start();
    projector.onCommitted((position, previous) => {
      for (const listener of this.commitListeners) listener(position, previous);
    });
    return projector;
  }
}

/** The live projection of that name; an unknown name is a programming error (routes check names first). */
export function projectionNamed(projections: readonly Projection[], name: string): Projection {
  const projection = projections.find((p) => p.name === name);
  if (!projection) throw new Error(`unknown projection ${name}`);
  return projection;
}
