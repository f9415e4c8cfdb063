import { connect, Socket } from 'node:net';

/**
 * A raw TCP client for what fetch cannot do: send part of a request and stall, trickle it, or
 * idle on a keep-alive connection. `closed` resolves with everything the server sent, once the
 * server has closed the connection.
 */
export class RawHttpConnection {
  readonly closed: Promise<string>;
  private received = '';
  private constructor(readonly socket: Socket) {
    this.closed = new Promise((resolve) => {
      socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
      // A reset is a close too.
      socket.on('error', () => undefined);
      socket.once('close', () => resolve(this.received));
    });
  }

  static open(base: string): Promise<RawHttpConnection> {
    const url = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      socket.once('error', reject);
      socket.once('connect', () => resolve(new RawHttpConnection(socket)));
    });
  }

  get isClosed(): boolean {
    return this.socket.destroyed || this.socket.closed;
  }

  /** What the server has sent so far. */
  get text(): string {
    return this.received;
  }

  send(text: string): void {
    if (!this.isClosed) this.socket.write(text);
  }

  /** Waits until the server has sent something that matches (or closed the connection). */
  async until(match: RegExp): Promise<string> {
    while (!match.test(this.received) && !this.isClosed) await new Promise((r) => this.socket.once('data', r).once('close', r));
    return this.received;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
