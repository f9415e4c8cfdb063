import { parseArgs } from 'node:util';
import { ApiClient } from './api-client';
import { rebuild } from './commands/rebuild.command';
import { DEFAULT_SEED_FILE, seed } from './commands/seed.command';

const HELP = `Dateline operator CLI

Usage: npm run cli -- <command> [options]

Commands:
  seed [--file <path>]   Load the sample story (default ${DEFAULT_SEED_FILE}) through the API.
                         Safe to run twice: every request carries an Idempotency-Key.
  rebuild [--projection <name>]...
                         Rebuild projections (all by default) into fresh tables and swap them
                         in; the service keeps answering meanwhile. Needs the admin token.
  help                   This text.

The CLI talks to a running service (npm start): with the embedded default (PGlite) the service
holds the data directory and nothing else may open it. Environment:
  DATELINE_URL     service address (default http://127.0.0.1:3000, or HOST and PORT)
  DATELINE_TOKEN        editor token (default: the one the service made in .dateline/editor-token)
  DATELINE_ADMIN_TOKEN  admin token (default: .dateline/admin-token)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { file: { type: 'string' } } });
      const api = ApiClient.fromEnv();
      const { storyId, position } = await seed(api, values.file);
      console.log(`\nseeded. Try:\n  curl ${api.baseUrl}/stories/${storyId}\n  curl '${api.baseUrl}/timeline?from=2025-05-01&to=2025-05-16&minPosition=${position}'`);
      return 0;
    }
    case 'rebuild': {
      const { values } = parseArgs({ args: rest, options: { projection: { type: 'string', multiple: true } } });
      const job = await rebuild(ApiClient.fromEnv(), values.projection);
      console.log(`rebuilt ${job.projections.join(', ')}: ${job.progress.processed} events, ${job.progress.eventsPerSecond} events/s`);
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
