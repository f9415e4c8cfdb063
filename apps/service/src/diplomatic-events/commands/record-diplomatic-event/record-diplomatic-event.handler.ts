import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diplomaticEventDecider, diplomaticEventStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { RecordDiplomaticEventCommand } from './record-diplomatic-event.command';

@CommandHandler(RecordDiplomaticEventCommand)
export class RecordDiplomaticEventHandler implements ICommandHandler<RecordDiplomaticEventCommand> {
  constructor(private readonly writer: AggregateWriter) {}

  // The controller made the id (randomUUID): the stream cannot exist yet.
  execute({ input, context }: RecordDiplomaticEventCommand): Promise<WriteResult> {
    return this.writer.execute(diplomaticEventStream(input.eventId), diplomaticEventDecider, input, context, { newStream: true });
  }
}
