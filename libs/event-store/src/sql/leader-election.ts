import { Lease, SqlClient } from './sql-client';

/**
 * How often a standby tries to take the lease when `retryMs` is not given, ms (the service's
 * DATELINE_LEADER_RETRY_MS has the same default): a failover within seconds, at one cheap query per try.
 */
const DEFAULT_RETRY_MS = 2000;

export interface LeaderElectionOptions {
  /** Becomes the leader: start the work. */
  readonly onElected: () => Promise<void>;
  /** No longer the leader (lost the lease, or stopping): stop the work. */
  readonly onDeposed: () => Promise<void>;
  /** How often a standby tries to take the lease, ms; bounds the takeover time. */
  readonly retryMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * One active instance per role (projector, relay) among several against one PostgreSQL: the
 * role runs while this process holds the role's advisory lock. When the leader dies its
 * connection closes, PostgreSQL frees the lock, and a standby takes it at its next try.
 * Correctness never rests on this alone: the projector's checkpoint rows are locked per batch,
 * and the relay's tail check skips what another relay already sent.
 */
export class LeaderElection {
  private lease?: Lease;
  private stopped = false;
  private running?: Promise<void>;
  /** Settles once, when stop() is called: every wait in the loop races it. */
  private signalStop!: () => void;
  private readonly stopping = new Promise<void>((resolve) => (this.signalStop = resolve));

  constructor(
    private readonly sql: SqlClient,
    readonly name: string,
    private readonly options: LeaderElectionOptions,
  ) {}

  get isLeader(): boolean {
    return this.lease !== undefined;
  }

  /** Asks PostgreSQL whether the lease is still ours: for work that must not run twice. */
  async stillLeader(): Promise<boolean> {
    return (await this.lease?.confirm()) ?? false;
  }

  start(): void {
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.signalStop();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const lease = await this.sql.tryLease(this.name).catch((err: unknown) => {
        this.options.log?.(`${this.name}: cannot try the lease: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      });
      if (lease && this.stopped) {
        await lease.release();
        return;
      }
      if (lease) {
        this.lease = lease;
        this.options.log?.(`${this.name}: this instance is the leader`);
        try {
          await this.options.onElected();
          await Promise.race([lease.lost, this.stopping]);
        } catch (err) {
          this.options.log?.(`${this.name}: failed to start: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          await this.options
            .onDeposed()
            .catch((err: unknown) =>
              this.options.log?.(`${this.name}: failed to stop: ${err instanceof Error ? err.message : String(err)}`),
            );
          this.lease = undefined;
          await lease.release();
          if (!this.stopped) this.options.log?.(`${this.name}: lost the lease; standing by`);
        }
      }
      if (this.stopped) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.retryMs ?? DEFAULT_RETRY_MS))),
        this.stopping,
      ]);
      clearTimeout(timer);
    }
  }
}
