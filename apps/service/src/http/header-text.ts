import { isUtf8 } from 'node:buffer';

/**
 * The text of a request header value. Node reads header bytes as ISO-8859-1, one character
 * per byte, so a client's UTF-8 "ü" (C3 BC) arrives as "Ã¼"; kept like that in an event's
 * metadata and encoded as UTF-8 again for the Kafka headers, it went out double-encoded
 * (C3 83 C2 BC). Bytes that are valid UTF-8 are read as UTF-8; any others stay ISO-8859-1,
 * the historical charset of header values (RFC 9110 section 5.5).
 */
export function headerText(value: string): string {
  // Not from Node's parser (which makes one character per byte): already text.
  // eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: "any char above one byte"
  if (/[^\x00-\xff]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : value;
}
