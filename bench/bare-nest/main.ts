/**
 * The peer for the HTTP benchmarks: bare NestJS routes on the same platform (Fastify).
 *
 * - GET /timeline/:date answers a fixed body, read from BARE_BODY_FILE (read benchmark).
 * - POST /diplomatic-events validates the body with the service's own DTO class and the same
 *   global ValidationPipe settings, then answers 201 `{ id, version, position }` without storing
 *   anything (HTTP append benchmark).
 * - POST /raw-insert/diplomatic-events (only with BARE_DATABASE_URL) validates the same way, then
 *   stores the event with one plain INSERT into a table of the event log's shape and answers
 *   the same: what the database alone allows, the second baseline of the HTTP append benchmark.
 *
 * - GET /raw-select/timeline/:date (only with BARE_DATABASE_URL) reads a day's first page of
 *   stored entries from Dateline's own timeline table with one prepared SELECT on its ordered
 *   index and answers them: what the database alone allows for an uncached read, the second
 *   baseline of the read benchmark. GET /raw-select-planned/timeline/:date sends the same SELECT
 *   unprepared, planned for its values each time: on a crowded day the prepared statement's
 *   generic plan reads and sorts the whole day (3.3 ms against 0.26 for 1,060 entries), so the
 *   benchmark takes the faster of the two as the limit.
 *
 * Whatever Dateline adds beyond routing, validation and serialising (auth, the command bus, the
 * domain checks, the append and its commit) shows in the ratio to the first; what it adds beyond
 * the one INSERT and its commit, in the ratio to the second.
 */
import 'reflect-metadata';
import { BadRequestException, Body, Controller, Get, Header, HttpCode, Module, Param, Post, Type, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { RecordDiplomaticEventDto } from '../../apps/service/src/diplomatic-events/dto/diplomatic-event-fields.dto';

const body = process.env.BARE_BODY_FILE ? (JSON.parse(readFileSync(process.env.BARE_BODY_FILE, 'utf8')) as unknown) : { entries: [] };

@Controller('timeline')
class BareController {
  @Get(':date')
  day(@Param('date') _date: string): unknown {
    return body;
  }
}

let position = 0;

@Controller('diplomatic-events')
class BareWriteController {
  @Post()
  @HttpCode(201)
  record(@Body() dto: RecordDiplomaticEventDto): { id: string; version: number; position: number } {
    void dto;
    return { id: randomUUID(), version: 1, position: ++position };
  }
}

/**
 * The event log's columns, keys and unique constraints (dateline_events in
 * libs/event-store/src/postgres/schema.ts), under a name of its own; a sequence stands in for
 * the positions, which need no more than a nextval here.
 */
const RAW_EVENTS_SCHEMA = `
CREATE SEQUENCE IF NOT EXISTS bare_event_positions;
CREATE TABLE IF NOT EXISTS bare_events (
  position        bigint      PRIMARY KEY DEFAULT nextval('bare_event_positions'),
  event_id        uuid        NOT NULL UNIQUE,
  stream_id       text        NOT NULL,
  stream_version  integer     NOT NULL,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  committed_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bare_events_stream_version UNIQUE (stream_id, stream_version)
)`;

const RAW_INSERT = `INSERT INTO bare_events (event_id, stream_id, stream_version, type, schema_version, data, metadata)
VALUES ($1, $2, 1, 'DiplomaticEventRecorded', 2, $3, $4) RETURNING position`;

/** The pool the raw-INSERT route writes through: as many connections as the service's default (DATELINE_PG_POOL_MAX). */
const pool = process.env.BARE_DATABASE_URL ? new pg.Pool({ connectionString: process.env.BARE_DATABASE_URL, max: 20 }) : undefined;

@Controller('raw-insert/diplomatic-events')
class RawInsertController {
  @Post()
  @HttpCode(201)
  async record(@Body() dto: RecordDiplomaticEventDto): Promise<{ id: string; version: number; position: number }> {
    const id = randomUUID();
    const metadata = { editor: 'bench', correlationId: randomUUID(), recordedAt: new Date().toISOString() };
    // One statement, committed on its own (autocommit): the row Dateline stores, without its checks.
    const { rows } = await pool!.query<{ position: string }>(RAW_INSERT, [
      randomUUID(),
      `diplomatic-event-${id}`,
      JSON.stringify({ eventId: id, ...dto }),
      JSON.stringify(metadata),
    ]);
    return { id, version: 1, position: Number(rows[0].position) };
  }
}

/**
 * A day's first page (100 entries and one more, as Dateline's page reads) of the entries open
 * now, in reading order, as stored JSON text: the table and index of
 * libs/projections/src/read-models/timeline-entries/timeline-entries.table.ts, without the
 * position pinning, the story revisions and the check of re-keyed rows Dateline's read adds.
 */
const RAW_SELECT = `SELECT entry FROM timeline_entries_v3
WHERE sort_key >= $1 AND sort_key < $2 AND recorded_to IS NULL ORDER BY sort_key, order_key LIMIT 101`;

/** The day's answer from the page's rows: the first 100 entries' stored JSON. */
const dayAnswer = (date: string, rows: { entry: string }[]) =>
  `{"date":${JSON.stringify(date)},"entries":[${rows
    .slice(0, 100)
    .map((r) => r.entry)
    .join(',')}]}`;

@Controller('raw-select/timeline')
class RawSelectController {
  @Get(':date')
  @Header('Content-Type', 'application/json; charset=utf-8')
  async day(@Param('date') date: string): Promise<string> {
    const { rows } = await pool!.query<{ entry: string }>({ name: 'raw_select_day', text: RAW_SELECT, values: [date, `${date}|~`] });
    return dayAnswer(date, rows);
  }
}

@Controller('raw-select-planned/timeline')
class RawSelectPlannedController {
  @Get(':date')
  @Header('Content-Type', 'application/json; charset=utf-8')
  async day(@Param('date') date: string): Promise<string> {
    const { rows } = await pool!.query<{ entry: string }>(RAW_SELECT, [date, `${date}|~`]);
    return dayAnswer(date, rows);
  }
}

const controllers: Type[] = [
  BareController,
  BareWriteController,
  ...(pool ? [RawInsertController, RawSelectController, RawSelectPlannedController] : []),
];

@Module({ controllers })
class BareModule {}

async function main(): Promise<void> {
  if (pool) await pool.query(RAW_EVENTS_SCHEMA);
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter({ bodyLimit: 1_048_576 }), { logger: false });
  // The service's global pipe (apps/service/src/app.factory.ts), minus its error flattening.
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(errors.map((e) => e.property)),
    }),
  );
  await app.listen({ port: Number(process.env.PORT ?? 3901), host: '127.0.0.1' });
  console.log('bare: listening');
}

void main();
