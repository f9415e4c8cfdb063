/**
 * The one classification of failures that are not bugs. The service maps each kind to an HTTP
 * status and to a metric outcome, in one table each (apps/service/src/errors/error-kinds.ts),
 * so the answer and the metrics can never disagree about what went wrong.
 * - `invalid`: the input breaks a rule about its own content;
 * - `not-found`: what the request names does not exist;
 * - `conflict`: someone else changed or took it first (a stale version, a taken slug);
 * - `rejected`: well formed, but the current state forbids it;
 * - `unprocessable`: contradicts an earlier request (an Idempotency-Key reused for another body);
 * - `unavailable`: a dependency is down; the same request may succeed on retry.
 */
export type ErrorKind = 'invalid' | 'not-found' | 'conflict' | 'rejected' | 'unprocessable' | 'unavailable';

/**
 * Errors the domain raises. The HTTP layer maps each kind to one status code, so a client
 * always learns which rule it broke (docs/architecture.md section 3, and rule 7 of section 6: never a 500 for client input).
 */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
}

/** The input breaks a rule about its own content. Each problem names its field. */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid' as const;
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

export class AggregateNotFound extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(
    readonly aggregate: string,
    readonly id: string,
  ) {
    super(`${aggregate} ${id} not found`);
  }
}

/**
 * The client decided against a version that is no longer current. A story's versions are its
 * revisions, and its API says `expectedRevision`: the message uses the client's own words.
 */
export class StaleVersion extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
    readonly aggregate?: 'story',
  ) {
    super(
      aggregate === 'story'
        ? staleRevisionMessage(expectedVersion, currentVersion)
        : `expected version ${expectedVersion} but the current version is ${currentVersion}`,
    );
  }
}

export const staleRevisionMessage = (expected: number, current: number): string =>
  `expectedRevision ${expected} is stale: the story is at revision ${current}; read it (GET /stories/<id>) and base the change on revision ${current}`;

/** The command is well formed but the aggregate's state forbids it (e.g. amending a retracted event). */
export class CommandRejected extends DomainError {
  readonly kind = 'rejected' as const;
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }
}
