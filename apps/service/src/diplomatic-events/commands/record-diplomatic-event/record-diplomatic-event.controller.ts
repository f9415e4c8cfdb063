import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { RecordDiplomaticEvent } from '@dateline/domain';
import { ApiWrite } from '../../../http/api-docs';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { toDomainInput } from '../../../writing/domain-input';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { RecordDiplomaticEventDto } from '../../dto/diplomatic-event-fields.dto';
import { RecordDiplomaticEventCommand } from './record-diplomatic-event.command';

@ApiTags('diplomatic events')
@Controller('diplomatic-events')
export class RecordDiplomaticEventController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiWrite({
    summary: 'Record a dated diplomatic event (version 1)',
    conflict: false,
    description:
      'The domain checks real dates, IANA zones, occurredAt on occurredOn, spans, and CAMEO codes; each problem is named in the 400.',
  })
  @HttpCode(201)
  @RequiresRole('editor')
  async record(@Body() dto: RecordDiplomaticEventDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const input: RecordDiplomaticEvent = { type: 'RecordDiplomaticEvent', eventId: randomUUID(), fields: toDomainInput(dto) };
    return writeResponse(await this.commands.execute(new RecordDiplomaticEventCommand(input, ctx)), 'diplomatic-event');
  }
}
