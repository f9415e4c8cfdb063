import { parseArgs } from 'node:util';
import { ApiClient } from './api-client';
import { loadCliSettings } from './cli-settings';
import { DEFAULT_SEED_FILE, seed } from './commands/seed.command';

// The other commands are imported when they run, not here: `help` then loads neither kafkajs
// nor the progress bar nor the libraries, and answers at once.

const HELP = `Dateline operator CLI

Usage: npm run cli -- <command> [options]

Commands:
  seed [--file <path>]   Load the sample story (default ${DEFAULT_SEED_FILE}) through the API.
                         Safe to run twice: every request carries an Idempotency-Key.
  rebuild [--projection <name>]...
                         Rebuild projections (all by default) into fresh tables and swap them
                         in; the service keeps answering meanwhile. Needs the admin token.
  tail [--topic <name>]... [--from-beginning] [--max <n>]
                         Print the Kafka topics as a downstream consumer sees them, decoded
                         with the CloudEvents SDK. Topics: stories, diplomatic-events,
                         timeline-entries (all three by default) or full names. Reads Kafka
                         directly (KAFKA_BROKERS, KAFKA_TOPIC_PREFIX); commits no offsets.
  replay --from <position> [--to <position>] --to-topic <name>
                         Republish log positions from..to (inclusive; to the head by
                         default) to another topic, in the relay's format. Needs the admin
                         token; the relay's own topics are refused.
  help                   This text.

The CLI talks to a running service (npm start): with the embedded default (PGlite) the service
holds the data directory and nothing else may open it. Environment:
  DATELINE_URL     service address (default http://127.0.0.1:3000, or HOST and PORT)
  DATELINE_TOKEN        editor token (default: the one the service made in .dateline/editor-token)
  DATELINE_ADMIN_TOKEN  admin token (default: .dateline/admin-token)
  KAFKA_BROKERS         for tail (default 127.0.0.1:9092)
  KAFKA_TOPIC_PREFIX    for tail (default dateline.)
`;

/** A whole number from the command line, or an error that names the option. */
function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } } });
      const api = ApiClient.fromSettings();
      const { storyId, position } = await seed(api, values.file);
      console.log(
        `\nseeded. Try:\n  curl ${api.baseUrl}/stories/${storyId}\n  curl '${api.baseUrl}/timeline?from=2025-05-01&to=2025-05-16&minPosition=${position}'`,
      );
      return 0;
    }
    case 'rebuild': {
      const { values } = parseArgs({ args: rest, options: { projection: { type: 'string', multiple: true } } });
      const { rebuild } = await import('./commands/rebuild.command.js');
      const job = await rebuild(ApiClient.fromSettings(), values.projection);
      console.log(`rebuilt ${job.projections.join(', ')}: ${job.progress.processed} events, ${job.progress.eventsPerSecond} events/s`);
      return 0;
    }
    case 'tail': {
      const { values } = parseArgs({
        args: rest,
        options: { topic: { type: 'string', multiple: true }, 'from-beginning': { type: 'boolean' }, max: { type: 'string' } },
      });
      const { tail } = await import('./commands/tail.command.js');
      const kafka = loadCliSettings();
      await tail({
        brokers: [...kafka.kafkaBrokers],
        prefix: kafka.kafkaTopicPrefix,
        topics: values.topic ?? [],
        fromBeginning: values['from-beginning'] ?? false,
        max: integer('max', values.max),
      });
      return 0;
    }
    case 'replay': {
      const { values } = parseArgs({
        args: rest,
        options: { from: { type: 'string' }, to: { type: 'string' }, 'to-topic': { type: 'string' } },
      });
      const from = integer('from', values.from);
      if (from === undefined || !values['to-topic']) throw new Error('replay needs --from <position> and --to-topic <name>');
      const { replay } = await import('./commands/replay.command.js');
      const result = await replay(ApiClient.fromSettings(), { from, to: integer('to', values.to), toTopic: values['to-topic'] });
      console.log(
        `replayed ${result.published} events (positions ${result.firstPosition ?? '-'}..${result.lastPosition ?? '-'}) to ${result.toTopic}`,
      );
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(HELP);
      return 0;
    default:
      console.error(`unknown command ${command}\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
