import { ChildProcess } from 'node:child_process';
import { startService as startTestService } from '../../test/support/service-process';

export { startProcess, stop } from '../../test/support/service-process';

export const BENCH_EDITOR_TOKEN = 'bench-editor';
export const BENCH_ADMIN_TOKEN = 'bench-admin';

/** The Dateline service on PostgreSQL, with the bench's editor token. */
export function startService(databaseUrl: string, port: number, extra: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  return startTestService(databaseUrl, port, {
    DATELINE_EDITOR_TOKENS: `bench=${BENCH_EDITOR_TOKEN}`,
    DATELINE_ADMIN_TOKENS: BENCH_ADMIN_TOKEN,
    DATELINE_WRITE_RATE_LIMIT: '0',
    ...extra,
  });
}
