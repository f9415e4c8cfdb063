import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A 32-byte key for one purpose, derived with HKDF from the service's secret: from
 * DATELINE_SESSION_SECRET when set, which every instance behind one load balancer must share.
 * Otherwise a random secret made at first start and kept in the data dir (mode 0600, like the
 * generated tokens): keys then survive a restart, and the embedded default works with no setup.
 * One key per purpose (the desk's session cookies, the page cursors), so that one never
 * authenticates the other.
 */
export function serviceKey(configured: string | undefined, dataDir: string, purpose: 'desk session cookie' | 'page cursor'): Buffer {
  const secret = configured ?? generatedSecret(dataDir);
  return Buffer.from(hkdfSync('sha256', secret, 'dateline', purpose, 32));
}

/**
 * The key that encrypts and authenticates the desk's session cookies (@fastify/secure-session,
 * libsodium's secretbox). Derived with HKDF rather than the plugin's own `secret` option, whose
 * Argon2 derivation costs hundreds of MB at every start.
 */
export function sessionKey(configured: string | undefined, dataDir: string): Buffer {
  return serviceKey(configured, dataDir, 'desk session cookie');
}

function generatedSecret(dataDir: string): string {
  const path = join(dataDir, 'session-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}
