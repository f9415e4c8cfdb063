-- Runs once, when the postgres volume is first initialised (docker-entrypoint-initdb.d).
-- `dateline` (POSTGRES_DB) holds the read models of the EventStoreDB-backed service;
-- `dateline_pg` is the postgres-only profile's own database (its events and read models), so
-- the two never share checkpoints or tables.
CREATE DATABASE dateline_pg;
