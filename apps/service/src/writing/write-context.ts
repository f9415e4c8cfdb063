import { Principal } from '../auth/token-registry';

/** Who asks for a write and how it may be retried: becomes the events' metadata. */
export interface WriteContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly idempotencyKey?: string;
  /** What the idempotency key stands for: method, path and body. */
  readonly fingerprint?: string;
}

/** What every write answers (docs/architecture.md section 3). */
export interface WriteResult {
  readonly id: string;
  readonly version: number;
  readonly position: number;
  readonly replayed: boolean;
}
