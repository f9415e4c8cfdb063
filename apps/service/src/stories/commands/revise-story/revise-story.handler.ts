import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { storyDecider, storyStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { ReviseStoryCommand } from './revise-story.command';

@CommandHandler(ReviseStoryCommand)
export class ReviseStoryHandler implements ICommandHandler<ReviseStoryCommand> {
  constructor(private readonly writer: AggregateWriter) {}

  execute({ input, context }: ReviseStoryCommand): Promise<WriteResult> {
    // A revision is never published before the one before it (docs/dates.md).
    return this.writer.execute(storyStream(input.storyId), storyDecider, input, context, { editorialOrder: true });
  }
}
