import { LeaderElection } from './leader-election';
import { SqlClient } from './sql-client';

export interface LeaderRoleOptions<W> {
  /** Elected: starts the role's work and answers it once it runs. */
  readonly start: () => Promise<W>;
  /** Deposed or stopping: stops the work `start` answered. */
  readonly stop: (work: W) => Promise<void>;
  /** How often a standby tries to take over, ms. */
  readonly retryMs?: number;
  readonly log: (message: string) => void;
}

/** Where a role runs, as health and the admin status show it. */
export type RoleState = 'leader' | 'standby' | 'off';

/**
 * A role (the projector, the Kafka relay) that runs on one instance at a time: stands for
 * election, starts the work when elected, stops it when deposed or stopping, and says where it
 * runs. One wiring for every such role, so that they log and stop alike (LeaderElection has the
 * lease logic).
 */
export class LeaderRole<W> {
  private election?: LeaderElection;
  private work?: W;

  constructor(
    private readonly sql: SqlClient,
    readonly name: string,
    private readonly options: LeaderRoleOptions<W>,
  ) {}

  /** The running work while this instance leads; undefined otherwise. */
  get current(): W | undefined {
    return this.work;
  }

  /** 'leader' when the work runs here, 'standby' when another instance may run it, 'off' before start(). */
  get state(): RoleState {
    return !this.election ? 'off' : this.work !== undefined ? 'leader' : 'standby';
  }

  /** Asks PostgreSQL whether the lease is still ours: for work that must not run twice. */
  stillLeader(): Promise<boolean> {
    return this.election?.stillLeader() ?? Promise.resolve(false);
  }

  /** Starts standing for election; returns at once. */
  start(): void {
    const election = new LeaderElection(this.sql, this.name, {
      retryMs: this.options.retryMs,
      log: this.options.log,
      onElected: async () => {
        this.work = await this.options.start();
      },
      onDeposed: async () => {
        const work = this.work;
        this.work = undefined;
        if (work !== undefined) await this.options.stop(work);
      },
    });
    this.election = election;
    election.start();
  }

  /** Stops the work if it runs here and gives up the lease. */
  async stop(): Promise<void> {
    await this.election?.stop();
  }
}
