import { ErrorType } from '@eventstore/db-client';
import type { CurrentRevision } from '@eventstore/db-client';
import { StoreUnavailable, WrongExpectedVersion } from '../errors';
import { ExpectedVersion } from '../event-store.port';
import { currentVersionOf } from './expected-revision';

/**
 * ESDB client errors that mean "the server cannot be reached or cannot answer now": the API
 * answers 503 and the client may retry. NOT_LEADER too: the client reconnects to the leader
 * on the next call. A deadline exceeded on an append leaves its outcome unknown; a retry with
 * the same Idempotency-Key settles it (ADR 0003).
 */
const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);

/**
 * gRPC status codes for the same, on errors the client passes through unconverted (an append
 * to a server that is down fails with a plain Error of code 14, seen with client 6.2.1).
 */
const GRPC_UNAVAILABLE_CODES = new Set([
  4, // DEADLINE_EXCEEDED
  10, // ABORTED: the server's own timeout
  14, // UNAVAILABLE
]);

/** Node's own network errors, for anything that reaches us unwrapped. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

interface EsdbErrorShape {
  type?: string;
  code?: string | number;
  message?: string;
  actualVersion?: CurrentRevision;
}

/**
 * The port's error for what the ESDB client threw: WrongExpectedVersion with the stream's
 * current version, StoreUnavailable for connection trouble, anything else unchanged (a bug,
 * or something a caller must see as it is).
 */
export function fromEsdbError(err: unknown, stream?: string, expected?: ExpectedVersion): unknown {
  if (err instanceof WrongExpectedVersion || err instanceof StoreUnavailable) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as EsdbErrorShape;
  if (e.type === ErrorType.WRONG_EXPECTED_VERSION && e.actualVersion !== undefined) {
    return new WrongExpectedVersion(stream ?? '?', expected ?? 'any', currentVersionOf(e.actualVersion));
  }
  if (e.type !== undefined && UNAVAILABLE_TYPES.has(e.type)) return new StoreUnavailable(err);
  if (e.type === undefined && typeof e.code === 'number' && GRPC_UNAVAILABLE_CODES.has(e.code)) return new StoreUnavailable(err);
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return new StoreUnavailable(err);
  // Cluster discovery (esdb+discover://) gives up with a plain Error.
  if (typeof e.message === 'string' && /^Failed to discover after \d+ attempts/.test(e.message)) return new StoreUnavailable(err);
  return err;
}

/** True for the error a read of a stream that does not exist (yet) ends with. */
export function isStreamNotFound(err: unknown): boolean {
  return (err as EsdbErrorShape | undefined)?.type === ErrorType.STREAM_NOT_FOUND;
}
