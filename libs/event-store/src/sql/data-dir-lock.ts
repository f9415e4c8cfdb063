import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { currentProcess, ProcessIdentity, processState } from './process-identity';

/** What an owner writes about itself. */
export interface DataDirOwner extends ProcessIdentity {
  /** What it serves, e.g. `http://127.0.0.1:3000`. */
  readonly serves?: string;
  readonly since: string;
  /** Set when it closed the directory: the next process may take it at once. */
  readonly released?: boolean;
}

/** A second process asked for a data directory that a live one owns. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockDir: string,
    readonly owner: DataDirOwner | undefined,
    state: 'alive' | 'unknown',
  ) {
    const who = owner
      ? `process ${owner.pid}${state === 'unknown' ? ` on host ${owner.hostname}` : ''}${owner.serves ? `, serving ${owner.serves}` : ''}, since ${owner.since}`
      : `a process whose record in ${lockDir} cannot be read`;
    super(
      state === 'alive'
        ? `the data directory ${dataDir} is in use by another Dateline process: ${who}. Stop that process first, or give this one another DATELINE_DATA_DIR.`
        : `the data directory ${dataDir} is held by ${who}, which this host cannot check. If that process is gone, remove ${lockDir} and start again.`,
    );
    this.name = 'DataDirInUse';
  }
}

const OWNER_FILE = /^owner-(\d+)\.json$/;
const ownerFile = (generation: number) => `owner-${String(generation).padStart(12, '0')}.json`;

/**
 * One process per PGlite data directory (PGlite is single-process: two on one directory each
 * see only their own writes, and lose some at the next start).
 *
 * Why not a library: proper-lockfile decides staleness by the lock's age, refreshed by a timer,
 * but PGlite runs each query synchronously on the event loop, so a long one would let a second
 * process take over from a live owner; a killed owner would block restarts until the lock aged;
 * and two processes that find the same stale lock can both win (its issue #121). Kernel locks
 * (flock) would be ideal but Node has none without a native addon.
 *
 * How: `<dataDir>.lock/` holds numbered owner records. Whoever creates record n+1 (exclusively,
 * complete at once through link(2)) owns the directory; it may do so only when record n is
 * released or its process is dead, judged by pid, start time and boot id (`processState`), so a
 * reused pid is no owner. Two processes that find the same dead owner both try n+1 and exactly
 * one succeeds; one that read an old listing and creates a lower number sees the newer record
 * and backs off. Only the newest record counts, and older ones are removed.
 */
export class DataDirLock {
  private released = false;

  private constructor(
    private readonly file: string,
    private readonly record: DataDirOwner,
  ) {}

  static acquire(dataDir: string, serves?: string): DataDirLock {
    const dir = resolve(dataDir);
    const lockDir = `${dir}.lock`;
    mkdirSync(lockDir, { recursive: true });
    const me: DataDirOwner = { ...currentProcess(), ...(serves ? { serves } : {}), since: new Date().toISOString() };
    for (let attempt = 0; attempt < 50; attempt++) {
      const newest = newestOwner(lockDir);
      if (!newest) continue; // its record went away while we read it: look again
      if (newest.owner === 'unreadable') throw new DataDirInUse(dir, lockDir, undefined, 'unknown');
      if (newest.owner && !newest.owner.released) {
        const state = processState(newest.owner);
        if (state !== 'dead') throw new DataDirInUse(dir, lockDir, newest.owner, state);
      }
      const generation = newest.generation + 1;
      const file = join(lockDir, ownerFile(generation));
      if (!createExclusive(file, me)) continue; // another process took this number first
      const now = newestOwner(lockDir);
      if (!now || now.generation !== generation) {
        unlinkSync(file); // we read an old listing: a newer owner exists, judge that one
        continue;
      }
      for (const name of readdirSync(lockDir)) {
        const n = OWNER_FILE.exec(name);
        if (n && Number(n[1]) < generation) unlinkQuietly(join(lockDir, name));
      }
      return new DataDirLock(file, me);
    }
    throw new Error(`could not take the lock ${lockDir}: other processes kept changing it`);
  }

  /** Marks the record released (the file stays: the next owner numbers after it). */
  release(): void {
    if (this.released) return;
    this.released = true;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...this.record, released: true }));
    renameSync(tmp, this.file);
  }
}

/** The newest record, or undefined when it vanished between listing and reading. */
function newestOwner(lockDir: string): { generation: number; owner?: DataDirOwner | 'unreadable' } | undefined {
  let generation = 0;
  for (const name of readdirSync(lockDir)) {
    const n = OWNER_FILE.exec(name);
    if (n) generation = Math.max(generation, Number(n[1]));
  }
  if (generation === 0) return { generation };
  let text: string;
  try {
    text = readFileSync(join(lockDir, ownerFile(generation)), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    return { generation, owner: JSON.parse(text) as DataDirOwner };
  } catch {
    // Half-written by an owner that died mid-write: reported as such, and the lock is then taken over.
    return { generation, owner: 'unreadable' };
  }
}

/** Creates `file` with its whole content at once, unless it exists. */
function createExclusive(file: string, record: DataDirOwner): boolean {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record));
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    unlinkQuietly(tmp);
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
