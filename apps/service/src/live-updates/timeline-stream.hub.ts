import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { formatDayHeading } from '@dateline/domain';
import { ProjectorService, TimelineChange } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { renderEntry } from '../reader-page/templates/entry.template';
import { entryDomId, toEntryView } from '../reader-page/view-models/entry.view-model';
import { SETTINGS } from '../storage/storage.tokens';
import { sseComment, sseEvent } from './sse';

/** The part of a response stream the hub writes to (Node's ServerResponse). */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
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

/**
 * Live timeline changes over Server-Sent Events. The projector says when a batch committed
 * (ProjectorService.watchPosition); each client is then sent every change after the position
 * it last got, from the read models, in log order. Event ids are log positions, so a client
 * that reconnects with Last-Event-ID misses nothing.
 */
@Injectable()
export class TimelineStreamHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger('TimelineStream');
  private readonly clients = new Set<Client>();
  private unwatch?: () => void;

  constructor(
    private readonly projector: ProjectorService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  get connections(): number {
    return this.clients.size;
  }

  /** Starts streaming to `out` every change after `after` (a log position). */
  open(out: StreamSink, after: number): void {
    const client: Client = {
      out,
      sent: after,
      pumping: false,
      again: false,
      closed: false,
      heartbeat: setInterval(() => this.write(client, sseComment('heartbeat')), this.settings.sseHeartbeatMs),
    };
    client.heartbeat.unref();
    this.clients.add(client);
    out.on('close', () => this.close(client));
    this.write(client, `retry: 2000\n${sseComment(`streaming changes after position ${after}`)}`);
    this.unwatch ??= this.projector.watchPosition(() => this.notifyAll());
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
        const target = await this.projector.position();
        while (!c.closed && c.sent < target) {
          const changes = await this.projector.queries.timelineChanges(c.sent, target, { limit: BATCH });
          for (const change of changes) this.write(c, frame(change));
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

  private write(c: Client, chunk: string): void {
    if (!c.closed) c.out.write(chunk);
  }

  private close(c: Client): void {
    c.closed = true;
    clearInterval(c.heartbeat);
    this.clients.delete(c);
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
    const data = { position: change.position, id: change.id, version: change.version, domId: entryDomId({ type: 'diplomatic-event', id: change.id }) };
    return sseEvent({ id: change.position, event: 'retracted', data: JSON.stringify(data) });
  }
  const view = toEntryView(change.entry);
  const data = { position: change.position, domId: view.domId, dayHeading: formatDayHeading(change.entry.date), entry: change.entry, html: renderEntry(view).value };
  return sseEvent({ id: change.position, event: 'entry', data: JSON.stringify(data) });
}
