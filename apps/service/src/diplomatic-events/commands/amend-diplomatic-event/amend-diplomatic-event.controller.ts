import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { AmendDiplomaticEvent } from '@dateline/domain';
import { ApiWrite } from '../../../http/api-docs';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { toDomainInput } from '../../../writing/domain-input';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { AmendDiplomaticEventDto } from '../../dto/amend-retract.dto';
import { AmendDiplomaticEventCommand } from './amend-diplomatic-event.command';
import { AggregateIdPipe } from '../../../http/aggregate-id.pipe';

@ApiTags('diplomatic events')
@Controller('diplomatic-events')
export class AmendDiplomaticEventController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/amendments')
  @ApiWrite({ summary: 'Amend a diplomatic event: the changed fields only (null removes one)', notFound: true })
  @HttpCode(201)
  @RequiresRole('editor')
  async amend(
    @Param('id', new AggregateIdPipe('diplomatic event')) id: string,
    @Body() dto: AmendDiplomaticEventDto,
    @Write() ctx: WriteContext,
  ): Promise<WriteResponse> {
    const { expectedVersion, changes, reason, publishedAt } = toDomainInput(dto);
    const input: AmendDiplomaticEvent = {
      type: 'AmendDiplomaticEvent',
      eventId: id,
      expectedVersion,
      changes,
      reason,
      ...(publishedAt !== undefined ? { publishedAt } : {}),
    };
    return writeResponse(await this.commands.execute(new AmendDiplomaticEventCommand(input, ctx)), 'diplomatic-event');
  }
}
