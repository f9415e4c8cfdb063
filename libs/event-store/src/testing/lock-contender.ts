/**
 * A process that contends for a data directory's lock (data-dir-lock.spec.ts): says `ready`,
 * waits for `go` on stdin, tries once, says `won` or `refused`, and holds what it won until its
 * stdin closes.
 */
import { DataDirInUse, DataDirLock } from '../sql/data-dir-lock';

const dir = process.argv[2];
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  input += chunk;
  if (!input.includes('go\n')) return;
  input = '';
  try {
    DataDirLock.acquire(dir, `contender ${process.pid}`);
    process.stdout.write('won\n');
  } catch (err) {
    if (!(err instanceof DataDirInUse)) throw err;
    process.stdout.write('refused\n');
  }
});
process.stdin.on('end', () => process.exit(0));
process.stdout.write('ready\n');
