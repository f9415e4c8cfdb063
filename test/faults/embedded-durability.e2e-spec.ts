import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDataDir, postStory, startEmbeddedService } from '../support/embedded-service';
import { freePort } from '../support/service-process';

/**
 * Syncs (fsync, fdatasync) the service has finished so far, from strace's log. A call that
 * another thread interrupted is logged in two parts, "<unfinished ...>" and "<... resumed>":
 * counted once, when it finished.
 */
function finishedSyncs(log: string): number {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => /\b(fsync|fdatasync)\(\d+\)\s+= 0$/.test(line) || /<\.\.\. (fsync|fdatasync) resumed>.*= 0$/.test(line)).length;
}

/**
 * Acknowledged means on disk (issue 13): the built service on embedded PGlite, run under strace,
 * finishes at least one sync between receiving a write and answering it 201; under concurrent
 * writes, fewer syncs than writes (group commit).
 */
describe('embedded PGlite syncs what it acknowledges', () => {
  const log = join(freshDataDir('strace'), 'syncs.log');
  let service: ChildProcess;
  let port: number;

  beforeAll(async () => {
    const strace = spawnSync('strace', ['-V']);
    if (strace.error) throw new Error('strace is missing: apt-get install -y strace (.ci/run does)');
    port = await freePort();
    // -f: node's thread pool runs the async fdatasyncs; seccomp-bpf stops only on the traced calls.
    service = await startEmbeddedService(freshDataDir('durable'), port, [
      'strace',
      '-f',
      '-qq',
      '--seccomp-bpf',
      '-e',
      'trace=fsync,fdatasync',
      '-e',
      'signal=none',
      '-o',
      log,
    ]);
  }, 300_000);

  afterAll(async () => {
    if (!service) return;
    // strace does not pass its own SIGTERM on: stop the service itself, and strace ends with it.
    const exited = new Promise((resolve) => (service.exitCode === null ? service.once('exit', resolve) : resolve(undefined)));
    const traced = readFileSync(`/proc/${service.pid}/task/${service.pid}/children`, 'utf8').trim().split(' ').map(Number);
    for (const pid of traced) process.kill(pid, 'SIGTERM');
    await exited;
  });

  it('finishes a sync for every write before its 201', async () => {
    for (let i = 0; i < 8; i++) {
      const before = finishedSyncs(log);
      const res = await postStory(port, `synced-${i}`);
      expect(res.status).toBe(201);
      expect(finishedSyncs(log) - before).toBeGreaterThanOrEqual(1);
    }
  });

  it('shares syncs among concurrent writes', async () => {
    const writes = 32;
    const before = finishedSyncs(log);
    const answers = await Promise.all(Array.from({ length: writes }, (_, i) => postStory(port, `grouped-${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(writes).fill(201));
    const syncs = finishedSyncs(log) - before;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThan(writes);
  });
});
