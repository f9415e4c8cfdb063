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
      'The domain checks `when` (real dates, IANA zones, a time on its day, the fields of its precision), status, sources, about dates and CAMEO codes; relations must name facts of the same stories, without cycles or orders the dates contradict; publishedAt is never after the write. Each problem is named in the 400; v1 fields (occurredOn, …) are refused.',
  })
  @HttpCode(201)
  @RequiresRole('editor')
  async record(@Body() dto: RecordDiplomaticEventDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const input: RecordDiplomaticEvent = { type: 'RecordDiplomaticEvent', eventId: randomUUID(), fields: toDomainInput(dto) };
    return writeResponse(await this.commands.execute(new RecordDiplomaticEventCommand(input, ctx)), 'diplomatic-event');
  }
}
