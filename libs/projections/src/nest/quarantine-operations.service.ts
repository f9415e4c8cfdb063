import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, SQL_CLIENT } from '@dateline/event-store';
import type { EventStore, SqlClient } from '@dateline/event-store';
import { freshCopy, Projection } from '../projection';
import {
  countQuarantine,
  findQuarantined,
  listQuarantine,
  QuarantinedEvent,
  QuarantineStatus,
  skipQuarantined,
} from '../runner/quarantine';
import { QuarantineConflict, QuarantineNotFound, retryQuarantined, RetryOutcome } from '../runner/quarantine-retry';
import { projectionNamed } from './projector-runner.service';
import { PROJECTIONS } from './projections.tokens';

/** What an operator (and readiness, and the metrics) can see and do about events the projections could not apply (ADR 0008). */
@Injectable()
export class QuarantineOperations {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(PROJECTIONS) private readonly projections: readonly Projection[],
  ) {}

  /** Quarantined events in log order; all, or those with `status`. */
  list(status?: QuarantineStatus): Promise<QuarantinedEvent[]> {
    return listQuarantine(this.sql, status);
  }

  /** How many events each projection has quarantined and skipped. */
  counts() {
    return countQuarantine(this.sql);
  }

  /**
   * Re-applies a quarantined event to its projection now, and the events of its stream that
   * waited behind it. Through a fresh instance: the live one's staging belongs to the projector.
   */
  retry(name: string, position: number): Promise<RetryOutcome> {
    return retryQuarantined(this.store, this.sql, freshCopy(projectionNamed(this.projections, name)), position);
  }

  /** Acknowledges a quarantined event: it stays on record as skipped and no longer fails readiness. */
  async skip(name: string, position: number): Promise<QuarantinedEvent> {
    const skipped = await skipQuarantined(this.sql, name, position);
    if (skipped) return skipped;
    const row = await findQuarantined(this.sql, name, position);
    if (!row) throw new QuarantineNotFound(`no quarantined event at position ${position} for projection ${name}`);
    throw new QuarantineConflict(`the event at position ${position} was already skipped for projection ${name}`);
  }
}
