import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { formatDayHeading } from '@dateline/domain';
import { ReadModelPositions, TimelineChange, TimelineChangesQueries } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { DatelineMetrics } from '../metrics/dateline-metrics';
import { liveEntryMarkup } from '../reader-page/live-entry-markup';
import { entryDomId } from '../reader-page/view-models/entry.view-model';
import { SETTINGS } from '../storage/storage.tokens';
import { SharedChangeFrames } from './shared-change-frames';
import { sseComment, sseEvent } from './sse';

/**
 * The reconnection delay the stream asks EventSource for, ms (the SSE `retry:` field): soon
 * enough to resume a dropped stream quickly, not so soon that a restarting server is stormed.
 */
const RECONNECT_MS = 2000;

/** The part of a response stream the hub writes to (Node's ServerResponse). */
export interface StreamSink {
  write(chunk: string | Uint8Array): boolean;
  end(): void;
  /** Closes the connection at once, throwing away what the client has not taken yet. */
  destroy(): void;
  /** Bytes written but not yet taken by the client (Node's buffer, beyond the kernel's). */
  readonly writableLength: number;
  on(event: 'close', listener: () => void): unknown;
}

interface Client {
  readonly out: StreamSink;
  /** The log position up to which this client has been sent every change. */
  sent: number;
  pumping: boolean;
  again: boolean;
  closed: boolean;
  heartbeat: NodeJS.Timeout;
}

const BATCH = 500;

/** The heartbeat comment, encoded once for every stream. */
const HEARTBEAT = Buffer.from(sseComment('heartbeat'));

/**
 * Live timeline changes over Server-Sent Events. The projector says when a batch committed
 * (ReadModelPositions.watch); each client is then sent every change after the position
 * it last got, from the read models, in log order. Event ids are log positions, so a client
 * that reconnects with Last-Event-ID misses nothing.
 *
 * A client that does not read is not buffered for without end: once more than
 * `DATELINE_SSE_BUFFER_BYTES` wait for it, it is disconnected (issue 13). Its EventSource
 * reconnects with the id of the last whole event it got and resumes from the read models, so
 * dropping costs a slow client a reconnect, never a change, and the service's memory stays at
 * most one buffer (and one frame) per stream.
 */
@Injectable()
export class TimelineStreamHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger('TimelineStream');
  private readonly clients = new Set<Client>();
  private unwatch?: () => void;
  private readonly frames: SharedChangeFrames<TimelineChange>;

  constructor(
    private readonly positions: ReadModelPositions,
    private readonly changes: TimelineChangesQueries,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly metrics: DatelineMetrics,
  ) {
    this.frames = new SharedChangeFrames((after, upTo, limit) => this.changes.changes(after, upTo, { limit }), frame);
  }

  get connections(): number {
    return this.clients.size;
  }

  get capacity(): number {
    return this.settings.sseMaxStreams;
  }

  /**
   * Whether one more stream may open (DATELINE_SSE_MAX_STREAMS); counts a refusal. The caller
   * opens right after, with no await in between, so concurrent requests cannot both take the last place.
   */
  admit(): boolean {
    if (this.clients.size < this.settings.sseMaxStreams) return true;
    this.metrics.sseStreamsRefused.inc();
    return false;
  }

  /** Starts streaming to `out` every change after `after` (a log position). */
  open(out: StreamSink, after: number): void {
    const client: Client = {
      out,
      sent: after,
      pumping: false,
      again: false,
      closed: false,
      heartbeat: setInterval(() => this.write(client, HEARTBEAT), this.settings.sseHeartbeatMs),
    };
    client.heartbeat.unref();
    this.clients.add(client);
    this.metrics.sseStreamsOpen.set(this.clients.size);
    out.on('close', () => this.close(client));
    this.write(client, `retry: ${RECONNECT_MS}\n${sseComment(`streaming changes after position ${after}`)}`);
    this.unwatch ??= this.positions.watch(this.changes.readModels, () => this.notifyAll());
    void this.pump(client);
  }

  beforeApplicationShutdown(): void {
    for (const c of [...this.clients]) {
      this.close(c);
      c.out.end();
    }
  }

  private notifyAll(): void {
    for (const c of this.clients) void this.pump(c);
  }

  private async pump(c: Client): Promise<void> {
    if (c.pumping) {
      c.again = true;
      return;
    }
    c.pumping = true;
    try {
      do {
        c.again = false;
        const target = await this.positions.position(this.changes.readModels);
        while (!c.closed && c.sent < target) {
          const changes = await this.frames.get(c.sent, target, BATCH);
          for (const change of changes) {
            if (c.closed) break;
            this.write(c, change.frame);
          }
          c.sent = changes.length >= BATCH ? changes[changes.length - 1].position : target;
        }
      } while (c.again && !c.closed);
    } catch (err) {
      // The client reconnects by itself and resumes from its Last-Event-ID.
      this.logger.warn(`stream ended: ${err instanceof Error ? err.message : String(err)}`);
      this.close(c);
      c.out.end();
    } finally {
      c.pumping = false;
    }
  }

  private write(c: Client, chunk: string | Uint8Array): void {
    if (c.closed) return;
    // Checked before writing, so that a frame larger than the buffer still goes out to a client
    // that keeps up: one whole frame beyond the bound, at most.
    if (c.out.writableLength > this.settings.sseBufferBytes) return this.drop(c);
    c.out.write(chunk);
  }

  /** Disconnects a client that fell behind its buffer; it resumes with Last-Event-ID. */
  private drop(c: Client): void {
    const behind = c.out.writableLength;
    this.close(c);
    this.metrics.sseSlowStreamsDropped.inc();
    this.logger.warn(`dropped a live stream that fell ${behind} bytes behind (DATELINE_SSE_BUFFER_BYTES ${this.settings.sseBufferBytes})`);
    c.out.destroy();
  }

  private close(c: Client): void {
    if (c.closed) return;
    c.closed = true;
    clearInterval(c.heartbeat);
    this.clients.delete(c);
    this.metrics.sseStreamsOpen.set(this.clients.size);
    if (this.clients.size === 0 && this.unwatch) {
      this.unwatch();
      this.unwatch = undefined;
    }
  }
}

/**
 * `entry`: a new entry, or a new version of one, with the markup the reader page shows for it;
 * `retracted`: an entry that left the timeline. The id is the change's log position.
 */
function frame(change: TimelineChange): string {
  if (change.change === 'retracted') {
    const data = {
      position: change.position,
      id: change.id,
      version: change.version,
      domId: entryDomId({ type: 'diplomatic-event', id: change.id }),
    };
    return sseEvent({ id: change.position, event: 'retracted', data: JSON.stringify(data) });
  }
  const markup = liveEntryMarkup(change.entry);
  const data = {
    position: change.position,
    dayHeading: formatDayHeading(change.entry.date),
    entry: change.entry,
    ...markup,
  };
  return sseEvent({ id: change.position, event: 'entry', data: JSON.stringify(data) });
}
