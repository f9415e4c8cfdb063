import { Command } from '@nestjs/cqrs';
import { RecordDiplomaticEvent } from '@dateline/domain';
import { WriteContext, WriteResult } from '../../../writing/write-context';

export class RecordDiplomaticEventCommand extends Command<WriteResult> {
  constructor(
    readonly input: RecordDiplomaticEvent,
    readonly context: WriteContext,
  ) {
    super();
  }
}
