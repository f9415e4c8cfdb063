import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diplomaticEventDecider, diplomaticEventStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { RetractDiplomaticEventCommand } from './retract-diplomatic-event.command';

@CommandHandler(RetractDiplomaticEventCommand)
export class RetractDiplomaticEventHandler implements ICommandHandler<RetractDiplomaticEventCommand> {
  constructor(private readonly writer: AggregateWriter) {}

  execute({ input, context }: RetractDiplomaticEventCommand): Promise<WriteResult> {
    return this.writer.execute(diplomaticEventStream(input.eventId), diplomaticEventDecider, input, context);
  }
}
