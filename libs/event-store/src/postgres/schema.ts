/**
 * The event log's tables and its append function.
 *
 * Positions: `txid * 16384 + n` for the n-th event of a transaction. Readers only read below
 * the oldest transaction still running (`pg_snapshot_xmin`), so an event that commits late can
 * never land behind a reader: the log is read in a stable order and nothing is skipped, also
 * when sequence values would commit out of order. See docs/adr/0001-global-log-order.md.
 */
export const EVENTS_PER_APPEND_MAX = 10_000;
export const POSITION_TX_FACTOR = 16_384;

/**
 * The append without an idempotency key, the hot path: one statement, no procedural code.
 * $1 stream, $2 expected (-1 any, -2 no_stream, -3 stream_exists, >= 0 exact), $3 events (jsonb
 * array). Inserts nothing when the expected version does not hold; `first_position` is then
 * null and `current_version` says where the stream is.
 */
export const APPEND_SQL = /* sql */ `
WITH cur AS (
  SELECT coalesce(max(stream_version), 0) AS v FROM dateline_events WHERE stream_id = $1
), ok AS (
  SELECT v FROM cur
   WHERE $2::bigint = -1 OR ($2::bigint = -2 AND v = 0) OR ($2::bigint = -3 AND v > 0) OR v = $2::bigint
), ins AS (
  INSERT INTO dateline_events (position, event_id, stream_id, stream_version, type, schema_version, data, metadata)
  SELECT (pg_current_xact_id()::text::bigint) * ${POSITION_TX_FACTOR} + e.n, (e.value->>'id')::uuid, $1, ok.v + e.n::integer,
         e.value->>'type', (e.value->>'schemaVersion')::integer, e.value->'data', e.value->'metadata'
    FROM ok, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS e(value, n)
  RETURNING position, stream_version
)
SELECT (SELECT v FROM cur) AS current_version, min(position) AS first_position, max(position) AS last_position,
       max(stream_version) AS version
  FROM ins`;

export const EVENT_STORE_SCHEMA = /* sql */ `
CREATE TABLE IF NOT EXISTS dateline_events (
  position        bigint      PRIMARY KEY,
  event_id        uuid        NOT NULL UNIQUE,
  stream_id       text        NOT NULL,
  stream_version  integer     NOT NULL,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  committed_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT dateline_events_stream_version UNIQUE (stream_id, stream_version)
);

CREATE TABLE IF NOT EXISTS dateline_idempotency (
  key             text        PRIMARY KEY,
  fingerprint     text        NOT NULL,
  stream_id       text        NOT NULL,
  first_position  bigint,
  last_position   bigint,
  version         integer,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- The highest position a reader may read now: every transaction below it has ended.
CREATE OR REPLACE FUNCTION dateline_read_horizon() RETURNS bigint
LANGUAGE sql VOLATILE AS $$
  SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint) * ${POSITION_TX_FACTOR}
$$;

-- An append with an idempotency key, in one round trip: the key, the expected-version check and
-- the insert. (Appends without a key use APPEND_SQL, which does the same in one statement.)
-- p_expected: -1 any, -2 no_stream, -3 stream_exists, >= 0 the exact version.
CREATE OR REPLACE FUNCTION dateline_append(
  p_stream text, p_expected bigint, p_events jsonb, p_idempotency_key text, p_fingerprint text
) RETURNS TABLE (stream_id text, first_position bigint, last_position bigint, version integer, replayed boolean)
LANGUAGE plpgsql AS $$
DECLARE
  v_current integer;
  v_base    bigint;
  v_count   integer := jsonb_array_length(p_events);
  v_prev    dateline_idempotency%ROWTYPE;
BEGIN
  IF p_idempotency_key IS NOT NULL THEN
    -- Claims the key; a concurrent call with the same key waits here for the first to finish.
    INSERT INTO dateline_idempotency (key, fingerprint, stream_id)
    VALUES (p_idempotency_key, p_fingerprint, p_stream)
    ON CONFLICT (key) DO NOTHING;
    IF NOT FOUND THEN
      SELECT * INTO v_prev FROM dateline_idempotency i WHERE i.key = p_idempotency_key;
      IF v_prev.fingerprint IS DISTINCT FROM p_fingerprint THEN
        RAISE EXCEPTION USING ERRCODE = 'DL422', MESSAGE = 'idempotency key reused with a different request';
      END IF;
      RETURN QUERY SELECT v_prev.stream_id, v_prev.first_position, v_prev.last_position, v_prev.version, true;
      RETURN;
    END IF;
  END IF;

  SELECT coalesce(max(e.stream_version), 0) INTO v_current FROM dateline_events e WHERE e.stream_id = p_stream;
  IF (p_expected = -2 AND v_current <> 0)
     OR (p_expected = -3 AND v_current = 0)
     OR (p_expected >= 0 AND v_current <> p_expected) THEN
    RAISE EXCEPTION USING ERRCODE = 'DL409', MESSAGE = 'wrong expected version', DETAIL = v_current::text;
  END IF;

  -- One append per transaction: the store never calls this twice in one.
  v_base := (pg_current_xact_id()::text::bigint) * ${POSITION_TX_FACTOR};

  -- A concurrent append to the same stream makes this fail on dateline_events_stream_version.
  INSERT INTO dateline_events (position, event_id, stream_id, stream_version, type, schema_version, data, metadata)
  SELECT v_base + e.n, (e.value->>'id')::uuid, p_stream, v_current + e.n::integer,
         e.value->>'type', (e.value->>'schemaVersion')::integer, e.value->'data', e.value->'metadata'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(value, n);

  IF p_idempotency_key IS NOT NULL THEN
    UPDATE dateline_idempotency i
       SET first_position = v_base + 1, last_position = v_base + v_count, version = v_current + v_count
     WHERE i.key = p_idempotency_key;
  END IF;

  RETURN QUERY SELECT p_stream, v_base + 1, v_base + v_count, v_current + v_count, false;
END
$$;
`;
