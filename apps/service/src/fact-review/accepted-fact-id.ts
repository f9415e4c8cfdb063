import { createHash } from 'node:crypto';

/**
 * Dateline's own namespace for name-based fact ids (a random UUID, fixed once): RFC 9562 name-based
 * UUIDs are made from a namespace and a name, so ids made here never equal ids made elsewhere from
 * the same name.
 */
const ACCEPTED_FACT_NAMESPACE = Buffer.from('6f1d2c3e8b7a4c59a0e4d35b2f9c7e11', 'hex');

/**
 * The id of the fact a candidate becomes when accepted: a name-based UUID (version 5, SHA-1, RFC
 * 9562) of the story and the candidate id. It is the acceptance's idempotency key: a second
 * accept, or a retry after a crash between recording the fact and recording the review, finds
 * the fact under this id and records no other (docs/fact-finder.md, "Review").
 */
export function acceptedFactId(storyId: string, candidateId: string): string {
  const hash = createHash('sha1').update(ACCEPTED_FACT_NAMESPACE).update(`${storyId.toLowerCase()}/${candidateId}`).digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
