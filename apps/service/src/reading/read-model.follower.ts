import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore, Subscription } from '@dateline/event-store';
import { EVENT_STORE } from '../storage/storage.tokens';
import { InMemoryReadModel } from './in-memory-read-model';

/** Feeds the read model from the log (catch-up, then live) and lets reads wait for a position. */
@Injectable()
export class ReadModelFollower implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReadModel');
  readonly model = new InMemoryReadModel();
  private subscription?: Subscription;
  private readonly waiters = new Set<() => void>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    this.subscription = this.store.subscribe(0, async (batch) => {
      for (const e of batch) this.model.apply(e);
      for (const w of [...this.waiters]) w();
    }, { batchSize: 1000, idlePollMs: 250 });
    this.subscription.done.catch((err: unknown) => this.logger.error(`read model stopped: ${String(err)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  get position(): number {
    return this.model.position;
  }

  /** Resolves true once the model has reached `position`, or false after `timeoutMs`. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.model.position >= position) return true;
    return new Promise<boolean>((resolve) => {
      const check = () => {
        if (this.model.position < position) return;
        finish(true);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      this.waiters.add(check);
    });
  }
}
