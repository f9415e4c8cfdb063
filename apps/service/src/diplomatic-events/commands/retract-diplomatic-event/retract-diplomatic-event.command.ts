import { Command } from '@nestjs/cqrs';
import { RetractDiplomaticEvent } from '@dateline/domain';
import { WriteContext, WriteResult } from '../../../writing/write-context';

export class RetractDiplomaticEventCommand extends Command<WriteResult> {
  constructor(
    readonly input: RetractDiplomaticEvent,
    readonly context: WriteContext,
  ) {
    super();
  }
}
