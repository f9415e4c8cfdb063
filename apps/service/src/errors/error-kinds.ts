import { DomainError, ErrorKind } from '@dateline/domain';
import { ClaimTaken, IdempotencyKeyReused, StoreUnavailable, WrongExpectedVersion } from '@dateline/event-store';
import { QuarantineConflict, QuarantineNotFound } from '@dateline/projections';
import type { AppendOutcome } from '../metrics/dateline-metrics';

/**
 * The kind of a failure that is not a bug: the domain's errors say theirs (`DomainError.kind`);
 * the store's and the projections' errors know no domain, so theirs are named here.
 * Undefined: not one of ours (an HttpException or Fastify error carries its own status; anything
 * else is a bug, answered 500 and logged).
 */
export function errorKind(err: unknown): ErrorKind | undefined {
  if (err instanceof DomainError) return err.kind;
  if (err instanceof WrongExpectedVersion || err instanceof ClaimTaken || err instanceof QuarantineConflict) return 'conflict';
  if (err instanceof IdempotencyKeyReused) return 'unprocessable';
  if (err instanceof StoreUnavailable) return 'unavailable';
  if (err instanceof QuarantineNotFound) return 'not-found';
  return undefined;
}

/** The HTTP status of each kind (docs/architecture.md section 3). */
export const HTTP_STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  // The request was fine but came at the wrong time for this aggregate: a conflict with its state.
  rejected: 409,
  unprocessable: 422,
  unavailable: 503,
};

/**
 * The `outcome` label of dateline_append_duration_seconds for each kind: `conflict` for every
 * 409 (someone or something else decided first; also counted in dateline_append_conflicts_total),
 * `rejected` for the client's own input, `error` for ours or a dependency's.
 */
export const APPEND_OUTCOME_OF_KIND: Readonly<Record<ErrorKind, AppendOutcome>> = {
  invalid: 'rejected',
  'not-found': 'rejected',
  conflict: 'conflict',
  rejected: 'conflict',
  unprocessable: 'rejected',
  unavailable: 'error',
};
