import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataDirInUse } from '@dateline/event-store';
import { createApp } from './app.factory';
import { loadSettings } from './config/settings';

async function main(): Promise<void> {
  const settings = loadSettings();
  const { app, storage, generatedToken, generatedAdminToken } = await createApp(settings);
  const log = new Logger('Dateline');
  await app.listen({ port: settings.port, host: settings.host });
  log.log(`storage: ${storage.description}`);
  if (generatedToken) {
    log.log(`${generatedToken.created ? 'made' : 'using'} tokens in ${generatedToken.path} and ${generatedAdminToken?.path} (no DATELINE_EDITOR_TOKENS or DATELINE_ADMIN_TOKENS set)`);
  }
  log.log(`listening on http://${settings.host}:${settings.port}`);

  // Graceful shutdown: stop taking connections and drain the requests in flight, stop the
  // projector and the relay at a batch boundary (the relay flushes its producer), close the
  // store last, and exit 0. A second signal while stopping exits at once.
  const shutdown = (signal: NodeJS.Signals) => {
    log.log(`${signal}: shutting down`);
    process.once(signal, () => process.exit(1));
    app.close().then(
      () => {
        log.log('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log.error(`shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  // A refusal the operator can act on is one plain line, not a stack trace.
  if (err instanceof DataDirInUse) console.error(`dateline: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
