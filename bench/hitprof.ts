import autocannon from 'autocannon';
import { createTempDatabase } from '@dateline/event-store/testing';
import { freePort } from '../test/support/service-process';
import { BENCH_EDITOR_TOKEN, startService, stop } from './support/service-process';
import { seedStories, waitForStories } from './support/story-seed';
import { seedFacts, waitForFacts } from './support/fact-seed';
import { cpuPerRequest, cpuSnapshot } from './support/cpu-time';
(async () => {
  const db = await createTempDatabase('dateline_hp');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const service = await startService(db.url, port, { DATELINE_LOG_LEVEL: 'info' });
  try {
    const seeded = await seedStories(base, BENCH_EDITOR_TOKEN, 3, 3);
    await waitForStories(base, seeded, 60_000);
    const facts = await seedFacts(base, BENCH_EDITOR_TOKEN, seeded.ids[1], 40);
    await waitForFacts(base, facts.lastId, facts.position, 60_000);
    const url = process.env.HIT_URL ?? `/stories/${seeded.ids[1]}`;
    const headers: Record<string, string> = { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' };
    if (process.env.INM) {
      const res = await fetch(base + url, { headers });
      headers['if-none-match'] = res.headers.get('etag')!;
    }
    for (const round of [1, 2]) {
      const before = cpuSnapshot(service.pid!);
      const r = await autocannon({ url: base + url, connections: 10, duration: 10, headers });
      const cpu = cpuPerRequest(before, cpuSnapshot(service.pid!), r.requests.total);
      console.log(`round ${round}: ${Math.round(r.requests.average)} req/s, statuses 2xx ${r['2xx']} non2xx ${r.non2xx}, cpu`, JSON.stringify(cpu));
    }
  } finally {
    await stop(service);
    await db.drop();
  }
})();
