import Negotiator from 'negotiator';
import { memoByHeader } from '../http/header-memo';

/**
 * gzip for public reads (docs/adr/0019-compressed-answers.md): which requests take it, how the
 * compressed answer's validator and `Vary` differ from the plain one's.
 */

/** Whether the request's Accept-Encoding takes gzip over the plain bytes (RFC 9110 12.5.3: `q=0` refuses, `*` stands for it). */
export function takesGzip(acceptEncoding: string | string[] | undefined): boolean {
  if (acceptEncoding === undefined) return false;
  return takesGzipHeader(Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding);
}

/** Asked on every cache hit: parsing a header cost ~2.4 µs, a few percent of a hit. */
const takesGzipHeader = memoByHeader(
  (header) => new Negotiator({ headers: { 'accept-encoding': header } }).encoding(['gzip', 'identity']) === 'gzip',
);

/**
 * The strong tag of the gzip bytes of the answer whose plain tag is `etag`: another
 * representation, so another tag (RFC 9110 8.8.3), or a cache holding one could be told 304 for
 * the other. `"x"` becomes `"x-gzip"`, as Apache's mod_deflate names its own.
 */
export function gzipEtag(etag: string): string {
  return etag.endsWith('-gzip"') ? etag : `${etag.slice(0, -1)}-gzip"`;
}

/** `Vary` with `name` added, once (case-insensitive), to what the answer already varies by. */
export function varyWith(current: string | number | string[] | undefined, name: string): string {
  // Every public read and 304 asks with one of a few values: split and joined once per value.
  return varyWithMemo(`${Array.isArray(current) ? current.join(',') : String(current ?? '')}\n${name}`);
}

const varyWithMemo = memoByHeader((key) => {
  const [current, name] = key.split('\n');
  const names = current
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.some((n) => n.toLowerCase() === name.toLowerCase() || n === '*') ? names.join(', ') : [...names, name].join(', ');
});
