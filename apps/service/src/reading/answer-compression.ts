import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** Below this, gzip's header and the Content-Encoding header cost about what they save. */
const MIN_BYTES = 1024;
/** Text the public reads answer with: JSON, HTML, Atom and JSON Feed, the TimelineJS export. */
const COMPRESSIBLE = /^(application\/(json|feed\+json|atom\+xml|xml|ld\+json)|text\/)/i;

/** Whether an answer is worth compressing: text, and large enough to gain. */
export function worthCompressing(body: Buffer, contentType: string | undefined): boolean {
  return body.length >= MIN_BYTES && contentType !== undefined && COMPRESSIBLE.test(contentType);
}

/**
 * The gzip bytes of a kept answer, or undefined when they are barely smaller or compression
 * failed. Runs on libuv's thread pool, not on the event loop: under breaking news the loop is
 * the service's bottleneck and the second core is not (docs/adr/0019-compressed-answers.md).
 */
export async function gzipAnswer(body: Buffer): Promise<Buffer | undefined> {
  try {
    const compressed = await gzipAsync(body);
    return compressed.length < body.length * 0.9 ? compressed : undefined;
  } catch {
    return undefined; // the plain bytes still serve
  }
}
