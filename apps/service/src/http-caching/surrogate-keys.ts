import type { HeaderSink } from '../reading/consistency';

/**
 * Names what an answer is made of in `Surrogate-Key` (space-separated, as Fastly and others
 * read it; CACHE_KEYS says which names there are), so that a CDN can drop exactly the answers a
 * purge names (docs/deploy.md).
 */
export function surrogateKeys(reply: HeaderSink, keys: Iterable<string>): void {
  const names = [...new Set(keys)];
  if (names.length > 0) reply.header('Surrogate-Key', names.join(' '));
}
