import { describe, expect, it } from '@jest/globals';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUse, DataDirLock, DataDirOwner } from './data-dir-lock';
import { currentProcess } from './process-identity';

const freshDir = () => join(mkdtempSync(join(tmpdir(), 'dateline-lock-')), 'pglite');

/** Leaves an owner record as a process that never released it would have. */
function leaveRecord(dir: string, owner: Partial<DataDirOwner>, generation = 7): void {
  mkdirSync(`${dir}.lock`, { recursive: true });
  const record = { ...currentProcess(), since: '2026-01-01T00:00:00.000Z', ...owner };
  writeFileSync(join(`${dir}.lock`, `owner-${String(generation).padStart(12, '0')}.json`), JSON.stringify(record));
}

/** A pid that belonged to a process which has exited (and was reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('DataDirLock', () => {
  it('refuses a second owner while the first holds the directory, naming its pid and address, and lets one in after release', () => {
    const dir = freshDir();
    const first = DataDirLock.acquire(dir, 'http://127.0.0.1:3999');
    let refusal: unknown;
    try {
      DataDirLock.acquire(dir, 'http://127.0.0.1:4000');
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(DataDirInUse);
    expect((refusal as Error).message).toContain(
      `in use by another Dateline process: process ${process.pid}, serving http://127.0.0.1:3999`,
    );
    expect((refusal as Error).message).toContain(dir);
    first.release();
    const second = DataDirLock.acquire(dir, 'http://127.0.0.1:4000');
    second.release();
  });

  it('takes over from an owner whose process has died, and keeps only its own record', () => {
    const dir = freshDir();
    leaveRecord(dir, { pid: deadPid() });
    const lock = DataDirLock.acquire(dir);
    expect(readdirSync(`${dir}.lock`)).toEqual(['owner-000000000008.json']);
    lock.release();
  });

  it('takes over from a reused pid: the pid lives, but it is another process (another start time or boot)', () => {
    const reusedStart = freshDir();
    leaveRecord(reusedStart, { pid: process.pid, startTicks: '1' });
    DataDirLock.acquire(reusedStart).release();
    const beforeReboot = freshDir();
    leaveRecord(beforeReboot, { pid: process.pid, bootId: 'a-boot-long-ago' });
    DataDirLock.acquire(beforeReboot).release();
  });

  it('never takes over from an owner on another host, and says how to clear it', () => {
    const dir = freshDir();
    leaveRecord(dir, { pid: deadPid(), hostname: 'another-host', serves: 'http://10.0.0.2:3000' });
    expect(() => DataDirLock.acquire(dir)).toThrow(`held by process`);
    expect(() => DataDirLock.acquire(dir)).toThrow(`on host another-host, serving http://10.0.0.2:3000`);
    expect(() => DataDirLock.acquire(dir)).toThrow(`remove ${dir}.lock and start again`);
  });

  it("of processes racing for a dead owner's directory, exactly one wins", async () => {
    const dir = freshDir();
    leaveRecord(dir, { pid: deadPid() });
    const contenders: ChildProcess[] = [];
    const said = (child: ChildProcess, word: string) =>
      new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = out.split('\n').find((l) => l === word || (word === 'answer' && (l === 'won' || l === 'refused')));
          if (line) resolve(line);
        });
        child.once('exit', (code) => reject(new Error(`contender exited (${code}) before saying ${word}: ${out}`)));
      });
    try {
      for (let i = 0; i < 4; i++) {
        contenders.push(
          spawn(process.execPath, ['--import', 'tsx', 'libs/event-store/src/testing/lock-contender.ts', dir], {
            stdio: ['pipe', 'pipe', 'inherit'],
          }),
        );
      }
      await Promise.all(contenders.map((c) => said(c, 'ready')));
      const answers = contenders.map((c) => said(c, 'answer'));
      for (const c of contenders) c.stdin!.write('go\n');
      const results = await Promise.all(answers);
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      expect(results.filter((r) => r === 'refused')).toHaveLength(3);
    } finally {
      for (const c of contenders) c.stdin!.end();
      await Promise.all(contenders.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : Promise.resolve())));
    }
  });
});
