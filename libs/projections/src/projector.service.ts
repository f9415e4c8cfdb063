import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EVENT_STORE, LeaderElection, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, SqlClient } from '@dateline/event-store';
import { Projection } from './projection';
import { ReadModelQueries } from './queries/read-model-queries';
import { isProjection } from './runner/handled-types';
import { Projector } from './runner/projector';
import { rebuildProjections, RebuildProgress } from './runner/rebuild';
import { ensureSchema } from './runner/checkpoints';
import { countQuarantine, findQuarantined, listQuarantine, QuarantinedEvent, QuarantineStatus, skipQuarantined } from './runner/quarantine';
import { QuarantineConflict, QuarantineNotFound, retryQuarantined, RetryOutcome } from './runner/quarantine-retry';

/**
 * How often an instance without the projector reads the checkpoints another instance writes,
 * ms: a wait for a position (`minPosition`) ends within this much of the commit.
 */
const CHECKPOINT_POLL_MS = 25;
/** The same for live-stream listeners (watchPosition), which can afford to hear a little later. */
const WATCH_POLL_MS = 250;

export const PROJECTIONS_OPTIONS = Symbol('PROJECTIONS_OPTIONS');

export interface ProjectionsOptions {
  /** Run the projector in this process (role `projector`) when it holds the lease. Otherwise only read. */
  readonly runProjector: boolean;
  /** How often a standby instance tries to take over, ms. */
  readonly leaderRetryMs?: number;
}

/**
 * The projector inside Nest: discovers the `@EventsHandler` projections among the providers,
 * runs them when this process has the projector role, and tells readers how far they are.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private projector?: Projector;
  private election?: LeaderElection;
  private projections: Projection[] = [];
  readonly queries: ReadModelQueries;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PROJECTIONS_OPTIONS) private readonly options: ProjectionsOptions,
  ) {
    this.queries = new ReadModelQueries(sql);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.projections = this.discovery
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter(isProjection);
    await ensureSchema(this.sql, this.projections);
    if (!this.options.runProjector) return;
    // Several instances may have the role: one runs the projector, the others stand by.
    this.election = new LeaderElection(this.sql, 'projector', {
      retryMs: this.options.leaderRetryMs,
      log: (message) => this.logger.log(message),
      onElected: async () => {
        const projector = new Projector(this.store, this.sql, this.projections, {
          onError: (err) => this.logger.error(`projector failed, retrying: ${err instanceof Error ? err.message : String(err)}`),
          onQuarantined: (entries) => {
            for (const e of entries) {
              this.logger.error(
                `projection ${e.projection} quarantined event ${e.recorded.id} (${e.recorded.type}) at position ${e.recorded.position} of stream ${e.recorded.streamId}: ${e.error}`,
              );
            }
          },
        });
        await projector.start();
        projector.onCommitted((position) => {
          for (const listener of this.commitListeners) listener(position);
        });
        this.projector = projector;
      },
      onDeposed: async () => {
        const projector = this.projector;
        this.projector = undefined;
        await projector?.stop();
      },
    });
    this.election.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.election?.stop();
  }

  /** 'leader' when the projector runs here, 'standby' when another instance runs it, 'off' without the role. */
  get role(): 'leader' | 'standby' | 'off' {
    return !this.election ? 'off' : this.projector ? 'leader' : 'standby';
  }

  get names(): string[] {
    return this.projections.map((p) => p.name);
  }

  /** The position every projection has reached. */
  async position(): Promise<number> {
    return this.projector ? this.projector.position : this.queries.position();
  }

  /** Resolves true once the read models reached `position`, false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.projector) return this.projector.waitFor(position, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    while ((await this.queries.position()) < position) {
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, CHECKPOINT_POLL_MS));
    }
    return true;
  }

  /**
   * Calls `listener` with the read models' position whenever it moves: on each commit while the
   * projector runs here, else by polling the checkpoints another process writes. It follows
   * leadership changes: a listener keeps hearing whichever projector is current.
   */
  watchPosition(listener: (position: number) => void, pollMs = WATCH_POLL_MS): () => void {
    let last = -1;
    let stopped = false;
    const tell = (position: number) => {
      if (stopped || position === last) return;
      last = position;
      listener(position);
    };
    this.commitListeners.add(tell);
    const poll = async () => {
      if (stopped) return;
      // While the projector runs here its commits arrive through commitListeners.
      // A failed poll keeps the last position and the next one tries again; not logged, as it
      // would repeat every pollMs for each open stream while the database is down, which
      // readiness (/health/ready) and the projector's own log already report.
      if (!this.projector) tell(await this.queries.position().catch(() => last));
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      this.commitListeners.delete(tell);
      clearTimeout(timer);
    };
  }

  private readonly commitListeners = new Set<(position: number) => void>();

  /** Events the projections could not apply (ADR 0008), in log order; all, or those with `status`. */
  quarantine(status?: QuarantineStatus): Promise<QuarantinedEvent[]> {
    return listQuarantine(this.sql, status);
  }

  /** How many events each projection has quarantined and skipped. */
  quarantineCounts() {
    return countQuarantine(this.sql);
  }

  /** Re-applies a quarantined event to its projection now, and the events of its stream that waited behind it. */
  retryQuarantined(name: string, position: number): Promise<RetryOutcome> {
    return retryQuarantined(this.store, this.sql, this.freshInstance(name), position);
  }

  /** Acknowledges a quarantined event: it stays on record as skipped and no longer fails readiness. */
  async skipQuarantined(name: string, position: number): Promise<QuarantinedEvent> {
    const skipped = await skipQuarantined(this.sql, name, position);
    if (skipped) return skipped;
    const row = await findQuarantined(this.sql, name, position);
    if (!row) throw new QuarantineNotFound(`no quarantined event at position ${position} for projection ${name}`);
    throw new QuarantineConflict(`the event at position ${position} was already skipped for projection ${name}`);
  }

  /** A new instance of a projection: the live one's staging belongs to the live projector. */
  private freshInstance(name: string): Projection {
    const live = this.projections.find((p) => p.name === name);
    if (!live) throw new Error(`unknown projection ${name}`);
    return new (live.constructor as new () => Projection)();
  }

  /** Rebuilds projections into fresh tables, in one pass over the log, and swaps them in (blue/green). */
  async rebuild(names: readonly string[], onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    const chosen = names.map((name) => this.freshInstance(name));
    return rebuildProjections(this.store, this.sql, chosen, { onProgress });
  }
}
