/**
 * The peer for the HTTP read benchmark: a bare NestJS route on the same platform (Fastify)
 * that answers a fixed body, read from BARE_BODY_FILE. Whatever Dateline adds beyond routing
 * and serialising (query, checkpoint read, validation) shows in the ratio.
 */
import 'reflect-metadata';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';

const body = JSON.parse(readFileSync(process.env.BARE_BODY_FILE!, 'utf8')) as unknown;

@Controller('timeline')
class BareController {
  @Get(':date')
  day(@Param('date') _date: string): unknown {
    return body;
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), { logger: false });
  await app.listen({ port: Number(process.env.PORT ?? 3901), host: '127.0.0.1' });
  console.log('bare: listening');
}

void main();
