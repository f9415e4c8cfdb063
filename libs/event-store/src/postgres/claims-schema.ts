/**
 * Claims (`AppendOptions.claims`): unique names a stream takes with an append, such as a
 * story's slug. A row is written in the append's own transaction, so a claim and its stream's
 * events commit together or not at all; the primary key makes concurrent claimants of one name
 * wait for the first and then find it taken. Why a table and not a stream of its own:
 * docs/adr/0010-unique-slugs.md.
 */
export const CLAIMS_SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS dateline_claims (
  claim       text        PRIMARY KEY,
  stream_id   text        NOT NULL,
  claimed_at  timestamptz NOT NULL DEFAULT now()
);
`;

/** Takes the claims $2 (text[]) for stream $1 where they are free; answers those it took. */
export const TAKE_CLAIMS_SQL = /* sql */ `
INSERT INTO dateline_claims (claim, stream_id) SELECT c, $1 FROM unnest($2::text[]) AS c
ON CONFLICT (claim) DO NOTHING RETURNING claim`;

/**
 * The holders of claims $1 (text[]). A statement of its own after TAKE_CLAIMS_SQL: a claim
 * that a concurrent transaction committed while the insert waited is visible only to a later
 * statement's snapshot.
 */
export const CLAIM_HOLDERS_SQL = 'SELECT claim, stream_id FROM dateline_claims WHERE claim = ANY($1::text[])';
