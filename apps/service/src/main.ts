import 'reflect-metadata';
import { Logger } from '@nestjs/common';
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
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
