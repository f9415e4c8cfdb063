import { ExpectedVersion } from './event-store.port';

/** The stream is not at the expected version: the API answers 409 with `currentVersion`. */
export class WrongExpectedVersion extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedVersion,
    readonly currentVersion: number,
  ) {
    super(`stream ${stream} is at version ${currentVersion}, expected ${expected}`);
  }
}

/** An idempotency key came back with a different request: the API answers 422. */
export class IdempotencyKeyReused extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${JSON.stringify(key)} was already used for a different request`);
  }
}

/** The store cannot be reached: the API answers 503 and the client may retry. */
export class StoreUnavailable extends Error {
  constructor(cause: unknown) {
    super(`event store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A claim (`AppendOptions.claims`) is held by another stream: nothing was appended. */
export class ClaimTaken extends Error {
  constructor(
    readonly claim: string,
    readonly holder: string,
  ) {
    super(`${claim} is held by ${holder}`);
  }
}
