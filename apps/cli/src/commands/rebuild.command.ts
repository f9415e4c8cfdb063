import cliProgress from 'cli-progress';
import { ApiClient } from '../api-client';

interface Progress {
  projections: string[];
  processed: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

interface Job {
  id: string;
  projections: string[];
  state: 'running' | 'done' | 'failed';
  error?: string;
  progress: Progress;
}

/**
 * Asks the running service to rebuild projections (blue/green: it keeps answering from the old
 * tables until the new ones are swapped in), and shows a progress bar per projection.
 */
export async function rebuild(api: ApiClient, projections: string[] | undefined, pollMs = 200): Promise<Job> {
  const job = await api.post<Job>('/admin/rebuild', projections ? { projections } : {}, undefined, 'admin');
  const bar = new cliProgress.SingleBar(
    {
      format: 'rebuild {projections} |{bar}| {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1, 0, { projections: job.projections.join(', '), rate: 0 });
  let current: Job;
  for (;;) {
    current = await api.get<Job>(`/admin/rebuild/${job.id}`, 'admin');
    const p = current.progress;
    bar.setTotal(Math.max(p.total, p.processed, 1));
    bar.update(p.processed, { projections: p.projections.join(', '), rate: p.eventsPerSecond });
    if (current.state !== 'running') break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  bar.stop();
  if (current.state === 'failed') throw new Error(`rebuild failed: ${current.error}`);
  return current;
}
