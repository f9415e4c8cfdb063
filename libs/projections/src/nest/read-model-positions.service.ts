import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { readCheckpoints } from '../runner/checkpoints';
import { ProjectorRunner } from './projector-runner.service';

/**
 * How often an instance without the projector reads the checkpoints another instance writes,
 * ms: a wait for a position (`minPosition`) ends within this much of the commit.
 */
const CHECKPOINT_POLL_MS = 25;
/** The same for live-stream listeners (watch), which can afford to hear a little later. */
const WATCH_POLL_MS = 250;
/**
 * How long an instance without the projector trusts the position it last read (known()), ms:
 * a conditional read (If-None-Match) answers 304 within this much of a commit elsewhere, without
 * a query.
 */
const KNOWN_POSITION_MS = 100;
/**
 * The same for a read without `minPosition` (recent()), ms: its answer reflects a commit
 * elsewhere at most this much later, as a wait for a position ends within CHECKPOINT_POLL_MS
 * of it. Asked for each request, the checkpoints were a third query of every uncached page on
 * such an instance: most instances behind a proxy (docs/deploy.md).
 */
const RECENT_POSITION_MS = CHECKPOINT_POLL_MS;

/**
 * How far each read model is, and waits for it (docs/adr/0012-read-model-positions.md). A read
 * names the read models it reads and waits for those alone, so that a read model that is behind
 * (replaying from 0, say) holds back only its own readers. Answers from the projector's memory
 * while it runs in this process, else from the checkpoints another instance commits.
 */
@Injectable()
export class ReadModelPositions {
  constructor(
    private readonly runner: ProjectorRunner,
    @Inject(SQL_CLIENT) private readonly sql: SqlQueryable,
  ) {}

  /** Every read model's name. */
  get names(): readonly string[] {
    return this.runner.names;
  }

  /** Each read model's position. */
  async positions(): Promise<ReadonlyMap<string, number>> {
    const projector = this.runner.running;
    if (projector) return projector.positions;
    const stored = await this.checkpoints(0);
    return new Map(this.names.map((name) => [name, stored.get(name) ?? 0]));
  }

  /**
   * The position the read models named (all by default) have all reached: what an answer
   * computed from them reflects at least. Read now, where another process projects.
   */
  position(readModels: readonly string[] = this.names): Promise<number> {
    return this.positionWithin(readModels, 0);
  }

  /**
   * position(), where another process projects as its checkpoints were read at most
   * RECENT_POSITION_MS ago, by this read or another: what a read without `minPosition` answers at.
   */
  recent(readModels: readonly string[] = this.names): Promise<number> {
    return this.positionWithin(readModels, RECENT_POSITION_MS);
  }

  /**
   * The position of every read model as this process knows it, without a query when it can:
   * the projector's memory while it runs here, else the checkpoints read at most
   * KNOWN_POSITION_MS ago. What a conditional read compares with (HTTP caching, issue 19).
   */
  known(): Promise<number> {
    return this.positionWithin(this.names, KNOWN_POSITION_MS);
  }

  private async positionWithin(readModels: readonly string[], maxAgeMs: number): Promise<number> {
    const projector = this.runner.running;
    if (projector) return projector.positionOf(readModels);
    const stored = await this.checkpoints(maxAgeMs);
    return readModels.length === 0 ? 0 : Math.min(...readModels.map((name) => stored.get(name) ?? 0));
  }

  /** The last read of every checkpoint (under way or done), and when it started. */
  private lastRead?: { readonly at: number; readonly checkpoints: Promise<ReadonlyMap<string, number>> };

  /**
   * Every read model's checkpoint, from a read started at most `maxAgeMs` ago (one under way
   * counts from its start), else from one started now, which later callers then share. A read
   * that fails is not kept: the next caller asks again.
   */
  private checkpoints(maxAgeMs: number): Promise<ReadonlyMap<string, number>> {
    const now = Date.now();
    if (this.lastRead && now - this.lastRead.at < maxAgeMs) return this.lastRead.checkpoints;
    const read = { at: now, checkpoints: readCheckpoints(this.sql, this.names) };
    this.lastRead = read;
    read.checkpoints.catch(() => {
      if (this.lastRead === read) this.lastRead = undefined;
    });
    return read.checkpoints;
  }

  /**
   * The latest recording instant (ms) of the events in the read models, when this process runs
   * the projector and it has committed since it started; undefined otherwise.
   */
  positionTime(): number | undefined {
    return this.runner.running?.recordedAt;
  }

  /** Resolves true once the read models named have reached `position`, false after `timeoutMs`. */
  async waitFor(readModels: readonly string[], position: number, timeoutMs: number): Promise<boolean> {
    const projector = this.runner.running;
    if (projector) return projector.waitFor(position, timeoutMs, readModels);
    const deadline = Date.now() + timeoutMs;
    while ((await this.position(readModels)) < position) {
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, CHECKPOINT_POLL_MS));
    }
    return true;
  }

  /**
   * Calls `listener` with the position of the read models named whenever it moves: on each
   * commit while the projector runs here, else by polling the checkpoints another process
   * writes. It follows leadership changes: a listener keeps hearing whichever projector is current.
   */
  watch(readModels: readonly string[], listener: (position: number) => void, pollMs = WATCH_POLL_MS): () => void {
    let last = -1;
    let stopped = false;
    const tell = (position: number) => {
      if (stopped || position === last) return;
      last = position;
      listener(position);
    };
    const unsubscribe = this.runner.onCommitted(() => {
      const projector = this.runner.running;
      if (projector) tell(projector.positionOf(readModels));
    });
    const poll = async () => {
      if (stopped) return;
      // While the projector runs here its commits arrive through onCommitted.
      // A failed poll keeps the last position and the next one tries again; not logged, as it
      // would repeat every pollMs for each open stream while the database is down, which
      // readiness (/health/ready) and the projector's own log already report.
      if (!this.runner.running) tell(await this.position(readModels).catch(() => last));
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    let timer = setTimeout(() => void poll(), 0);
    return () => {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
    };
  }
}
