import { BadRequestException, Body, ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, ServiceUnavailableException } from '@nestjs/common';
import { KafkaJSError } from 'kafkajs';
import { IsArray, IsOptional, IsString } from 'class-validator';
import { EVENT_STORE } from '@dateline/event-store';
import type { EventStore } from '@dateline/event-store';
import { RelayService } from '@dateline/kafka';
import { ProjectorService } from '@dateline/projections';
import { RequiresRole } from '../auth/requires-role.decorator';
import { RebuildJobs } from './rebuild-jobs';
import { ReplayDto } from './replay.dto';

export class RebuildDto {
  /** Names of the projections to rebuild; all of them when absent. */
  @IsOptional() @IsArray() @IsString({ each: true }) projections?: string[];
}

/** Operator routes: what an operator checks first, and the rebuild the CLI drives. */
@Controller('admin')
@RequiresRole('admin')
export class AdminController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: ProjectorService,
    private readonly rebuilds: RebuildJobs,
    private readonly relay: RelayService,
  ) {}

  @Get('status')
  async status() {
    const [head, position, relay] = await Promise.all([this.store.headPosition(), this.projector.position(), this.relay.report()]);
    return {
      log: { head },
      roles: { projector: this.projector.role, relay: this.relay.role },
      readModels: { position, caughtUp: position >= head, projections: this.projector.names },
      relay,
    };
  }

  @Post('rebuild')
  @HttpCode(202)
  rebuild(@Body() dto: RebuildDto) {
    const names = dto.projections ?? this.projector.names;
    const unknown = names.filter((n) => !this.projector.names.includes(n));
    if (unknown.length > 0 || names.length === 0) throw new BadRequestException([`unknown projection(s): ${unknown.join(', ') || '(none given)'}; known: ${this.projector.names.join(', ')}`]);
    return this.rebuilds.start(names);
  }

  /** Republishes a range of the log to another Kafka topic, in the relay's format. */
  @Post('replay')
  @HttpCode(200)
  async replay(@Body() dto: ReplayDto) {
    const problems = this.relay.replayProblems(dto);
    if (problems.some((p) => p.startsWith('Kafka is not configured'))) throw new ConflictException(problems);
    if (problems.length > 0) throw new BadRequestException(problems);
    try {
      return await this.relay.replay(dto);
    } catch (err) {
      if (err instanceof KafkaJSError) throw new ServiceUnavailableException(`Kafka: ${err.message}`);
      throw err;
    }
  }

  @Get('rebuild/:id')
  job(@Param('id', new ParseUUIDPipe()) id: string) {
    const job = this.rebuilds.get(id);
    if (!job) throw new NotFoundException(`no rebuild ${id}`);
    return job;
  }
}
