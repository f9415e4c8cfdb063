import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diplomaticEventDecider, diplomaticEventStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { AmendDiplomaticEventCommand } from './amend-diplomatic-event.command';

@CommandHandler(AmendDiplomaticEventCommand)
export class AmendDiplomaticEventHandler implements ICommandHandler<AmendDiplomaticEventCommand> {
  constructor(private readonly writer: AggregateWriter) {}

  execute({ input, context }: AmendDiplomaticEventCommand): Promise<WriteResult> {
    return this.writer.execute(diplomaticEventStream(input.eventId), diplomaticEventDecider, input, context);
  }
}
