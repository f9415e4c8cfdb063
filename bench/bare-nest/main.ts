/**
 * The peer for the HTTP benchmarks: bare NestJS routes on the same platform (Fastify).
 *
 * - GET /timeline/:date answers a fixed body, read from BARE_BODY_FILE (read benchmark).
 * - POST /diplomatic-events validates the body with the service's own DTO class and the same
 *   global ValidationPipe settings, then answers 201 `{ id, version, position }` without storing
 *   anything (HTTP append benchmark).
 *
 * Whatever Dateline adds beyond routing, validation and serialising (auth, the command bus, the
 * domain checks, the append and its commit) shows in the ratio.
 */
import 'reflect-metadata';
import { BadRequestException, Body, Controller, Get, HttpCode, Module, Param, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

@Module({ controllers: [BareController, BareWriteController] })
class BareModule {}

async function main(): Promise<void> {
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
