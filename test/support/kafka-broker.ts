import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/**
 * The broker the Kafka suites talk to. `npm test` starts one with scripts/kafka/up.sh and sets
 * KAFKA_BROKERS when it is unset; running Jest by hand needs `npm run kafka:up` and
 * KAFKA_BROKERS=127.0.0.1:9092.
 */
export function testBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error(
      'KAFKA_BROKERS is not set: run `npm test` (it starts a broker), or `npm run kafka:up` and KAFKA_BROKERS=127.0.0.1:9092',
    );
  return brokers;
}

/** A topic prefix of the test's own, so suites sharing the broker never see each other's records. */
export const testTopicPrefix = (): string => `test-${randomUUID().slice(0, 8)}.`;

/**
 * A broker of the test's own on `port`, driven by the project's scripts, for a test that stops
 * and restarts it (`down --keep-data`, then `up` restarts the same broker with its data).
 */
export class OwnBroker {
  constructor(readonly port: number) {}

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  up(): Promise<void> {
    return this.script('up.sh');
  }

  /** Stops the broker; with `keepData` the next `up()` restarts the same one. */
  down(keepData = false): Promise<void> {
    return this.script('down.sh', keepData ? ['--keep-data'] : []);
  }

  private script(name: string, args: string[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('bash', [`scripts/kafka/${name}`, ...args], {
        env: { ...process.env, KAFKA_PORT: String(this.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/kafka/${name} exited with ${code}: ${out}`))));
    });
  }
}
