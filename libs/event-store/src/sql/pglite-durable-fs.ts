import { closeSync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { GroupSync } from './group-sync';

/**
 * PGlite's data directory on disk, made durable (ADR 0009).
 *
 * PGlite 0.5.17 runs PostgreSQL with `-F` (fsync off) on Emscripten's NODEFS, which writes with
 * `fs.writeSync` and has no fsync at all: nothing it writes is ever synced. Here PostgreSQL runs
 * with fsync on, and three things make that real without syncing inside every commit:
 *
 * 1. NODEFS gets an `fsync` (Emscripten's `fsync()` calls it): PostgreSQL's own syncs of data
 *    files, the control file, renamed files and directories, at checkpoints and at creation of
 *    WAL segments, are real `fsync(2)`s, in the order PostgreSQL needs them.
 * 2. The commit's WAL flush is not: `wal_sync_method=fdatasync`, and Emscripten's `fdatasync()`
 *    is a no-op. Instead, `sync()` fdatasyncs every WAL file written since the last sync, off the
 *    event loop and grouped (`GroupSync`): the event store calls it after its commit, before it
 *    answers, so the single connection is not held while the disk works.
 * 3. PostgreSQL writes a data page only after the WAL that describes it is flushed. With the
 *    commit flush deferred, that rule is kept here: before a data file gets a page that is not
 *    all zeros (new relation pages are zeros and need no WAL), the WAL written so far is synced
 *    first, synchronously, as PostgreSQL itself would have.
 */
export class DurableNodeFS extends NodeFS {
  /** WAL files written since their last sync. */
  private readonly pendingWal = new Set<EmNode>();
  /** WAL files the running `sync()` is syncing: a write barrier must not assume they are done. */
  private inFlightWal: EmNode[] = [];
  private nodefs?: Nodefs;
  private readonly group = new GroupSync(() => this.syncWal());

  /** Syncs counted for tests: group commits started, and barriers run inside PostgreSQL. */
  get stats(): { groupSyncs: number; barriers: number } {
    return { groupSyncs: this.group.started, barriers: this.barriers };
  }
  private barriers = 0;

  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const result = await super.init(...args);
    const preRun = (result.emscriptenOpts.preRun ?? []) as ((mod: { NODEFS: Nodefs }) => void)[];
    result.emscriptenOpts.preRun = [(mod: { NODEFS: Nodefs }) => this.instrument(mod.NODEFS), ...preRun];
    return result;
  }

  /** Resolves once everything committed before this call is on disk. */
  sync(): Promise<void> {
    return this.group.sync();
  }

  private instrument(nodefs: Nodefs): void {
    // Each PGlite instance has a NODEFS of its own (checked), so this patches only ours.
    this.nodefs = nodefs;
    const ops = nodefs.stream_ops;
    const write = ops.write.bind(ops);
    ops.write = (stream, buffer, offset, length, position) => {
      if (isWal(nodefs, stream.node)) this.pendingWal.add(stream.node);
      else if (!allZero(buffer, offset, length)) this.walBeforeData();
      return write(stream, buffer, offset, length, position);
    };
    // Emscripten's fsync() calls the stream's fsync when it has one; NODEFS has none.
    ops.fsync = (stream) => {
      this.walBeforeData();
      fsyncSync(stream.nfd);
      return 0;
    };
  }

  /** Synchronous: it runs inside a PostgreSQL call, which cannot wait for a promise. */
  private walBeforeData(): void {
    if (this.pendingWal.size === 0 && this.inFlightWal.length === 0) return;
    this.barriers++;
    const nodes = [...this.pendingWal, ...this.inFlightWal];
    this.pendingWal.clear();
    for (const node of nodes) {
      let fd: number;
      try {
        fd = openSync(this.nodefs!.realPath(node), 'r');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed: nothing to keep
        throw err;
      }
      try {
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }

  private async syncWal(): Promise<void> {
    const nodes = [...this.pendingWal];
    this.pendingWal.clear();
    this.inFlightWal = nodes;
    try {
      // WAL segments are written at their full size when created, so fdatasync suffices (as
      // for PostgreSQL's own default wal_sync_method on Linux).
      await Promise.all(
        nodes.map(async (node) => {
          // The path now: a recycled segment was renamed, and its node follows the rename.
          const file = await open(this.nodefs!.realPath(node), 'r').catch((err: NodeJS.ErrnoException) => {
            if (err.code === 'ENOENT') return undefined;
            throw err;
          });
          if (!file) return;
          try {
            await file.datasync();
          } finally {
            await file.close();
          }
        }),
      );
    } catch (err) {
      throw new Error(`could not sync the embedded database's WAL to disk: ${(err as Error).message}`, { cause: err });
    } finally {
      this.inFlightWal = [];
    }
  }
}

/** Emscripten's file node: a name in a tree, mounted at a host directory. */
interface EmNode {
  name: string;
  parent: EmNode;
  /** Whether the node is a WAL file: remembered on the node, computed once. */
  datelineWal?: boolean;
}

interface EmStream {
  node: EmNode;
  /** The host's file descriptor. */
  nfd: number;
}

interface Nodefs {
  realPath(node: EmNode): string;
  stream_ops: {
    write(stream: EmStream, buffer: Uint8Array, offset: number, length: number, position?: number): number;
    fsync?(stream: EmStream): number;
  };
}

function isWal(nodefs: Nodefs, node: EmNode): boolean {
  // pg_wal holds the WAL segments (and their temporary files while being created).
  node.datelineWal ??= /[/\\]pg_wal[/\\][^/\\]+$/.test(nodefs.realPath(node));
  return node.datelineWal;
}

function allZero(buffer: Uint8Array, offset: number, length: number): boolean {
  // A page with data has a non-zero header in its first bytes: this returns early for those.
  for (let i = offset, end = offset + length; i < end; i++) if (buffer[i] !== 0) return false;
  return true;
}
