import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ProjectorRunner, RebuildProgress } from '@dateline/projections';

export interface RebuildJob {
  id: string;
  projections: string[];
  state: 'running' | 'done' | 'failed';
  startedAt: string;
  finishedAt?: string;
  error?: string;
  progress: RebuildProgress;
}

/** Rebuilds run inside the service (it holds PGlite), one at a time; the CLI polls them. */
@Injectable()
export class RebuildJobs {
  private readonly logger = new Logger('Rebuild');
  private readonly jobs = new Map<string, RebuildJob>();

  constructor(private readonly projector: ProjectorRunner) {}

  start(projections: string[]): RebuildJob {
    if ([...this.jobs.values()].some((j) => j.state === 'running')) throw new ConflictException('a rebuild is already running');
    const progress = { projections, processed: 0, total: 0, position: 0, eventsPerSecond: 0, etaSeconds: null, quarantined: 0 };
    const job: RebuildJob = { id: randomUUID(), projections, state: 'running', startedAt: new Date().toISOString(), progress };
    this.jobs.set(job.id, job);
    void this.run(job);
    return job;
  }

  get(id: string): RebuildJob | undefined {
    return this.jobs.get(id);
  }

  /** The running rebuild, or the last one (for metrics). */
  latest(): RebuildJob | undefined {
    return [...this.jobs.values()].at(-1);
  }

  private async run(job: RebuildJob): Promise<void> {
    try {
      job.progress = await this.projector.rebuild(job.projections, (p) => (job.progress = p));
      this.logger.log(`rebuilt ${job.projections.join(', ')}: ${job.progress.processed} events at ${job.progress.eventsPerSecond}/s`);
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
      this.logger.error(`rebuild failed: ${job.error}`);
    }
    job.finishedAt = new Date().toISOString();
  }
}
