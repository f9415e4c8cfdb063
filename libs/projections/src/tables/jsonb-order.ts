/**
 * A value with its objects' keys in the order PostgreSQL's jsonb keeps them: shorter keys
 * first, then by their UTF-8 bytes. Whatever order a value's keys were written in, it then
 * serialises to the same text, and to the text it would have after a round trip through a jsonb
 * column: a row staged from an event and one read back from the table make the same entry JSON
 * (a rebuild and the live projector write the same bytes), as the API wrote it when entries were
 * made from the jsonb fields at read time.
 */
export function inJsonbOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(inJsonbOrder) as T;
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort(byJsonbKey);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    // JSON drops an undefined member; so does jsonb.
    if (v !== undefined) out[key] = inJsonbOrder(v);
  }
  return out as T;
}

/** A character other than printable ASCII, tab, newline or return: then the UTF-8 bytes are measured and compared as such. */
const NON_ASCII = /[^ -~\t\n\r]/;

function byJsonbKey(a: string, b: string): number {
  // Keys are nearly always ASCII: one byte a character, and the characters' order is the bytes'.
  // This runs for every key of every staged version in a rebuild, where the Buffers showed.
  if (!NON_ASCII.test(a) && !NON_ASCII.test(b)) return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  const [la, lb] = [Buffer.byteLength(a), Buffer.byteLength(b)];
  return la !== lb ? la - lb : Buffer.compare(Buffer.from(a), Buffer.from(b));
}
