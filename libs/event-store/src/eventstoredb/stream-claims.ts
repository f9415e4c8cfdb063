import { ClaimTaken } from '../errors';
import { SqlClient } from '../sql/sql-client';

/**
 * Claims (`AppendOptions.claims`) of the EventStoreDB adapter, kept beside its idempotency keys
 * in the read-model database. ESDB has no transaction across two streams (nor across ESDB and
 * SQL), so a claim is taken *before* the append and given back when the append is known not to
 * have landed. A claimant that died in between leaves an orphan: a claim whose stream has no
 * events. Anyone may take an orphan over once it is older than `ORPHAN_AFTER_MS`, far longer
 * than an append takes, so that a live claimant is never robbed. docs/adr/0010-unique-slugs.md.
 */
export const CLAIMS_TABLE = 'dateline_esdb_claims';
export const ORPHAN_AFTER_MS = 5 * 60_000;
const MIGRATION_LOCK = 0x636c_6169; // "clai"

const SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS ${CLAIMS_TABLE} (
  claim       text        PRIMARY KEY,
  stream_id   text        NOT NULL,
  claimed_at  timestamptz NOT NULL DEFAULT now()
)`;

export class StreamClaims {
  constructor(private readonly sql: SqlClient) {}

  async migrate(): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      await tx.query(SCHEMA);
    });
  }

  async holder(claim: string): Promise<string | undefined> {
    const { rows } = await this.sql.query<{ stream_id: string }>(`SELECT stream_id FROM ${CLAIMS_TABLE} WHERE claim = $1`, [claim]);
    return rows[0]?.stream_id;
  }

  /**
   * Takes every claim for `stream`, or none: on a claim held by a live stream it gives back
   * what it took and throws ClaimTaken. `hasEvents` says whether a holder's stream exists.
   */
  async take(stream: string, claims: readonly string[], hasEvents: (stream: string) => Promise<boolean>): Promise<void> {
    const took: string[] = [];
    try {
      for (const claim of claims) {
        if (await this.takeOne(stream, claim, hasEvents)) took.push(claim);
      }
    } catch (err) {
      await this.release(stream, took);
      throw err;
    }
  }

  /** Gives back claims of `stream` (its append did not land). */
  async release(stream: string, claims: readonly string[]): Promise<void> {
    if (claims.length === 0) return;
    await this.sql.query(`DELETE FROM ${CLAIMS_TABLE} WHERE claim = ANY($1::text[]) AND stream_id = $2`, [claims, stream]);
  }

  /** True when this call took the claim, false when `stream` held it already. */
  private async takeOne(stream: string, claim: string, hasEvents: (stream: string) => Promise<boolean>): Promise<boolean> {
    const { rows: inserted } = await this.sql.query(
      `INSERT INTO ${CLAIMS_TABLE} (claim, stream_id) VALUES ($1, $2) ON CONFLICT (claim) DO NOTHING RETURNING claim`,
      [claim, stream],
    );
    if (inserted.length === 1) return true;
    const { rows } = await this.sql.query<{ stream_id: string; age_ms: number }>(
      `SELECT stream_id, (extract(epoch FROM now() - claimed_at) * 1000)::float8 AS age_ms FROM ${CLAIMS_TABLE} WHERE claim = $1`,
      [claim],
    );
    const held = rows[0];
    if (!held) return this.takeOne(stream, claim, hasEvents); // given back meanwhile: try again
    if (held.stream_id === stream) return false;
    if (held.age_ms < ORPHAN_AFTER_MS || (await hasEvents(held.stream_id))) throw new ClaimTaken(claim, held.stream_id);
    // An orphan: compare-and-set, so of several takers one wins.
    const { rows: moved } = await this.sql.query(
      `UPDATE ${CLAIMS_TABLE} SET stream_id = $2, claimed_at = now() WHERE claim = $1 AND stream_id = $3 RETURNING claim`,
      [claim, stream, held.stream_id],
    );
    if (moved.length === 1) return true;
    return this.takeOne(stream, claim, hasEvents);
  }
}
