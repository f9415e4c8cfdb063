import { afterAll, describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn } from 'node:child_process';
import { embeddedEnv, freshDataDir, postStory, startEmbeddedService } from '../support/embedded-service';
import { freePort, SERVICE_SCRIPT, stop } from '../support/service-process';

/** Runs the built service to its exit, for a start that must be refused; its exit code and stderr. */
function runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVICE_SCRIPT], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

/** One owner per embedded data directory (issue 13): the real built service, two starts. */
describe('the embedded data directory has one owner', () => {
  const running: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((c) => stop(c)));
  });

  it('refuses a second start on the same directory, naming the owner, while the first keeps serving', async () => {
    const dataDir = freshDataDir('owner');
    const firstPort = await freePort();
    const first = await startEmbeddedService(dataDir, firstPort);
    running.push(first);
    const before = await postStory(firstPort, 'before-the-second-start');
    expect(before.status).toBe(201);

    const secondPort = await freePort();
    const second = await runToExit(embeddedEnv(dataDir, secondPort));
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(
      `dateline: the data directory ${dataDir}/pglite is in use by another Dateline process: process ${first.pid}, serving http://127.0.0.1:${firstPort}`,
    );
    // It stopped before listening, and the first one still answers, reads and writes.
    await expect(fetch(`http://127.0.0.1:${secondPort}/health/live`)).rejects.toThrow();
    expect((await postStory(firstPort, 'after-the-second-start')).status).toBe(201);
    const read = await fetch(`http://127.0.0.1:${firstPort}/stories/${before.body.id}?minPosition=${before.body.position}`);
    expect(read.status).toBe(200);
  }, 300_000);

  it('is taken over after its owner is SIGKILLed, with every acknowledged write', async () => {
    const dataDir = freshDataDir('takeover');
    const port = await freePort();
    const owner = await startEmbeddedService(dataDir, port);
    running.push(owner);
    const acked: { id: string; position: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await postStory(port, `acknowledged-${i}`);
      expect(res.status).toBe(201);
      acked.push(res.body);
    }
    await stop(owner, 'SIGKILL');

    const next = await startEmbeddedService(dataDir, port);
    running.push(next);
    const last = Math.max(...acked.map((a) => a.position));
    for (const { id } of acked) {
      const read = await fetch(`http://127.0.0.1:${port}/stories/${id}?minPosition=${last}`);
      expect(read.status).toBe(200);
    }
    expect((await postStory(port, 'after-the-takeover')).status).toBe(201);
  }, 300_000);
});
