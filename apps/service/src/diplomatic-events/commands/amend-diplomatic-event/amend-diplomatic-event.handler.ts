import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diplomaticEventDecider, diplomaticEventStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { StoryReferences } from '../../story-references';
import { WriteResult } from '../../../writing/write-context';
import { AmendDiplomaticEventCommand } from './amend-diplomatic-event.command';

@CommandHandler(AmendDiplomaticEventCommand)
export class AmendDiplomaticEventHandler implements ICommandHandler<AmendDiplomaticEventCommand> {
  constructor(
    private readonly writer: AggregateWriter,
    private readonly stories: StoryReferences,
  ) {}

  async execute({ input, context }: AmendDiplomaticEventCommand): Promise<WriteResult> {
    await this.stories.requireExisting(input.changes.storyIds, 'changes.storyIds');
    return this.writer.execute(diplomaticEventStream(input.eventId), diplomaticEventDecider, input, context);
  }
}
