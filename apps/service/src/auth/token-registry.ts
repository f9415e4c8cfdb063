import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type AuthRole = 'editor' | 'admin';

export interface Principal {
  /** Who signs the events (metadata.editor): the name given with the token, or a digest. */
  readonly name: string;
  readonly roles: readonly AuthRole[];
}

interface TokenEntry {
  readonly digest: Buffer;
  readonly principal: Principal;
}

/** `configured`: DATELINE_EDITOR_TOKENS / DATELINE_ADMIN_TOKENS; `generated`: made at first start in the data dir. */
export type TokenSource = 'configured' | 'generated';

/**
 * The bearer tokens the service accepts. Tokens are given as `token` or `name=token`; only
 * their SHA-256 digests are kept, and lookups compare digests in constant time.
 */
export class TokenRegistry {
  private constructor(
    private readonly entries: readonly TokenEntry[],
    /** Where the tokens came from, for a 401 to tell a client where to look (never the tokens). */
    readonly source: TokenSource,
  ) {}

  static from(editorTokens: readonly string[], adminTokens: readonly string[], source: TokenSource = 'configured'): TokenRegistry {
    const entries = [
      ...editorTokens.map((t) => entry(t, ['editor'])),
      // An admin may do everything an editor may.
      ...adminTokens.map((t) => entry(t, ['editor', 'admin'])),
    ];
    return new TokenRegistry(entries, source);
  }

  get size(): number {
    return this.entries.length;
  }

  identify(token: string): Principal | undefined {
    const digest = sha256(token);
    let found: Principal | undefined;
    // Look at every entry, so the time taken says nothing about which one matched.
    for (const e of this.entries) if (timingSafeEqual(e.digest, digest)) found = found ?? e.principal;
    return found;
  }
}

function entry(spec: string, roles: AuthRole[]): TokenEntry {
  const eq = spec.indexOf('=');
  const [name, token] =
    eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [`${roles.at(-1)}-${sha256(spec).toString('hex').slice(0, 8)}`, spec];
  return { digest: sha256(token), principal: { name, roles } };
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/**
 * With no tokens configured, the first start makes an editor token and an admin token and keeps
 * them in the data dir (mode 0600), so a newcomer can write, and run the CLI's operator
 * commands, at once, without a token ever being logged.
 */
export function ensureGeneratedToken(dataDir: string, role: AuthRole): { path: string; token: string; created: boolean } {
  const path = join(dataDir, `${role}-token`);
  if (existsSync(path)) return { path, token: readFileSync(path, 'utf8').trim(), created: false };
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(path, token + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return { path, token, created: true };
}
