/**
 * Sends one at a time, in order, without making the caller wait for the last one: the relay
 * reads and builds batch N+1 while batch N waits for the broker's ack and its checkpoint.
 * Kafka order and "checkpoint after ack" need no more than that each send starts after the
 * previous one finished, which `send` guarantees.
 *
 * A failed send is reported to `onFailure` as soon as it fails (an idle relay would otherwise
 * only learn of it with its next batch), and thrown by the next `send` and by `drain`.
 */
export class OneInFlight {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly onFailure: (err: unknown) => void) {}

  /** Waits for the send in flight (throwing its error), then starts `next` and returns. */
  async send(next: () => Promise<void>): Promise<void> {
    await this.last;
    const sending = next();
    sending.catch(this.onFailure);
    this.last = sending;
  }

  /** Waits for the send in flight, throwing its error. */
  drain(): Promise<void> {
    return this.last;
  }
}
