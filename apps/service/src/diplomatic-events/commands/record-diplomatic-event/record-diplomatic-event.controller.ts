import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { RecordDiplomaticEvent } from '@dateline/domain';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { plain } from '../../../writing/plain';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { RecordDiplomaticEventDto } from '../../dto/diplomatic-event-fields.dto';
import { RecordDiplomaticEventCommand } from './record-diplomatic-event.command';

@Controller('diplomatic-events')
export class RecordDiplomaticEventController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequiresRole('editor')
  async record(@Body() dto: RecordDiplomaticEventDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const input: RecordDiplomaticEvent = { type: 'RecordDiplomaticEvent', eventId: randomUUID(), fields: plain(dto) };
    return writeResponse(await this.commands.execute(new RecordDiplomaticEventCommand(input, ctx)), 'diplomatic-event');
  }
}
