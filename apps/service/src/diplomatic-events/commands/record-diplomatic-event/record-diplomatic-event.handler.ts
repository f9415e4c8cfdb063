import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diplomaticEventDecider, diplomaticEventStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { StoryReferences } from '../../story-references';
import { StoryRelations } from '../../story-relations';
import { WriteResult } from '../../../writing/write-context';
import { RecordDiplomaticEventCommand } from './record-diplomatic-event.command';

@CommandHandler(RecordDiplomaticEventCommand)
export class RecordDiplomaticEventHandler implements ICommandHandler<RecordDiplomaticEventCommand> {
  constructor(
    private readonly writer: AggregateWriter,
    private readonly stories: StoryReferences,
    private readonly relations: StoryRelations,
  ) {}

  // The controller made the id (randomUUID): the stream cannot exist yet.
  async execute({ input, context }: RecordDiplomaticEventCommand): Promise<WriteResult> {
    await this.stories.requireExisting(input.fields.storyIds);
    return this.writer.execute(diplomaticEventStream(input.eventId), diplomaticEventDecider, input, context, {
      newStream: true,
      verify: async (next) => {
        if (next.fields && next.fields.relations.length > 0) await this.relations.check(input.eventId, next.fields);
      },
    });
  }
}
