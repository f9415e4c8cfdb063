import { createHash } from 'node:crypto';

/**
 * Event ids for an append made with an idempotency key: a UUID v5 (RFC 9562, SHA-1) of the key
 * and the event's index. A retry of the same append carries the same ids, and EventStoreDB
 * answers an append at an exact expected revision whose events are already there with
 * success, without writing them again (its "idempotent write"). See ADR 0003.
 */

/** Dateline's namespace for these ids (a fixed random UUID; changing it changes every id). */
export const DATELINE_EVENT_ID_NAMESPACE = 'fdc86b79-15a3-4003-a1b6-1593dadba70f';

/** UUID version 5 of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new RangeError(`not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8] & 0x3f) | 0x80; // RFC 4122/9562 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of the `index`-th event of the append made with `idempotencyKey`. */
export function deterministicEventId(idempotencyKey: string, index: number): string {
  // The index has no '#', so "key#index" never means two different (key, index) pairs.
  return uuidV5(DATELINE_EVENT_ID_NAMESPACE, `${idempotencyKey}#${index}`);
}
