import cliProgress from 'cli-progress';
import { ApiClient } from '../api-client';

interface Progress {
  projection: string;
  processed: number;
  total: number;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

interface Job {
  id: string;
  state: 'running' | 'done' | 'failed';
  error?: string;
  progress: Progress[];
}

/**
 * Asks the running service to rebuild projections (blue/green: it keeps answering from the old
 * tables until the new ones are swapped in), and shows a progress bar per projection.
 */
export async function rebuild(api: ApiClient, projections: string[] | undefined, pollMs = 200): Promise<Job> {
  const job = await api.post<Job>('/admin/rebuild', projections ? { projections } : {}, undefined, 'admin');
  const bars = new cliProgress.MultiBar(
    { format: '{projection} |{bar}| {percentage}% | {value}/{total} events | {rate} events/s | ETA {eta_formatted}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const shown = new Map<string, cliProgress.SingleBar>();
  let current = job;
  for (;;) {
    current = await api.get<Job>(`/admin/rebuild/${job.id}`, 'admin');
    for (const p of current.progress) {
      const payload = { projection: p.projection.padEnd(16), rate: p.eventsPerSecond };
      const bar = shown.get(p.projection) ?? bars.create(Math.max(p.total, 1), 0, payload);
      shown.set(p.projection, bar);
      bar.setTotal(Math.max(p.total, p.processed, 1));
      bar.update(p.processed, payload);
    }
    if (current.state !== 'running') break;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  bars.stop();
  if (current.state === 'failed') throw new Error(`rebuild failed: ${current.error}`);
  return current;
}
