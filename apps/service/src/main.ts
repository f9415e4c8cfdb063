import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataDirInUse } from '@dateline/event-store';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.factory';
import { loadSettings } from './config/settings';
import { firstScreen } from './first-run/first-screen';
import { loadSampleOnFirstStart, startupWriteToken } from './first-run/sample-on-first-start';
import { writePlain } from './logging/root-logger';

async function main(): Promise<void> {
  const settings = loadSettings();
  const { app, storage, generatedToken, generatedAdminToken, logger, accessLog } = await createApp(settings);
  const log = new Logger('Dateline');

  // Graceful shutdown: stop taking connections and drain the requests in flight, stop the
  // projector and the relay at a batch boundary (the relay flushes its producer), close the
  // store last, and exit 0. A second signal while stopping exits at once. Set before the
  // sample loads: Ctrl-C then still closes the store cleanly.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    stopping = true;
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

  // On an empty embedded store the Istanbul sample goes in before the port opens, so that the
  // first page anyone gets shows it (first-run/sample-on-first-start.ts).
  await app.init();
  const sample = await loadSampleOnFirstStart({
    app,
    settings,
    storage,
    token: generatedToken?.token ?? startupWriteToken(settings.editorTokens, settings.adminTokens),
    log: logger.child({ context: 'FirstRun' }),
    accessLog,
  });
  if (stopping) return;

  await app.listen({ port: settings.port, host: settings.host });
  log.log(`storage: ${storage.description}`);
  if (generatedToken) {
    log.log(
      `${generatedToken.created ? 'made' : 'using'} tokens in ${generatedToken.path} and ${generatedAdminToken?.path} (no DATELINE_EDITOR_TOKENS or DATELINE_ADMIN_TOKENS set)`,
    );
  }
  log.log(`listening on http://${settings.host}:${settings.port}`);

  // The first screen, for the person at the terminal: through the log's destination, after
  // the lines logged so far and never cut by one.
  const baseUrl = reachableUrl(app.getHttpServer().address() as AddressInfo);
  writePlain(
    logger,
    firstScreen({
      baseUrl,
      sample,
      tokenFiles: generatedToken && generatedAdminToken ? { editor: generatedToken.path, admin: generatedAdminToken.path } : undefined,
    }),
  );
}

/** The listener's address as a person on this machine types it: 0.0.0.0 and :: become loopback. */
function reachableUrl(address: AddressInfo): string {
  const host =
    address.address === '0.0.0.0'
      ? '127.0.0.1'
      : address.address === '::'
        ? '[::1]'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
  return `http://${host}:${address.port}`;
}

main().catch((err: unknown) => {
  // A refusal the operator can act on is one plain line, not a stack trace.
  if (err instanceof DataDirInUse) console.error(`dateline: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
