import { Command } from '@nestjs/cqrs';
import { AmendDiplomaticEvent } from '@dateline/domain';
import { WriteContext, WriteResult } from '../../../writing/write-context';

export class AmendDiplomaticEventCommand extends Command<WriteResult> {
  constructor(
    readonly input: AmendDiplomaticEvent,
    readonly context: WriteContext,
  ) {
    super();
  }
}
