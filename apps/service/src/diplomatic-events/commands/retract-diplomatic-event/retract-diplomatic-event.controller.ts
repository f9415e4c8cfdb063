import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RetractDiplomaticEvent } from '@dateline/domain';
import { ApiWrite } from '../../../http/api-docs';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { toDomainInput } from '../../../writing/domain-input';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { RetractDiplomaticEventDto } from '../../dto/amend-retract.dto';
import { RetractDiplomaticEventCommand } from './retract-diplomatic-event.command';
import { AggregateIdPipe } from '../../../http/aggregate-id.pipe';

@ApiTags('diplomatic events')
@Controller('diplomatic-events')
export class RetractDiplomaticEventController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/retraction')
  @ApiWrite({ summary: 'Retract a diplomatic event: it leaves the current timeline and stays in history', notFound: true })
  @HttpCode(201)
  @RequiresRole('editor')
  async retract(
    @Param('id', new AggregateIdPipe('diplomatic event')) id: string,
    @Body() dto: RetractDiplomaticEventDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResponse> {
    const input: RetractDiplomaticEvent = {
      type: 'RetractDiplomaticEvent',
      eventId: id,
      ...toDomainInput(dto),
    };
    return writeResponse(await this.commands.execute(new RetractDiplomaticEventCommand(input, ctx)), 'diplomatic-event');
  }
}
