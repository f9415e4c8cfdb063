import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { storyDecider, storyStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { CreateStoryCommand } from './create-story.command';

@CommandHandler(CreateStoryCommand)
export class CreateStoryHandler implements ICommandHandler<CreateStoryCommand> {
  constructor(private readonly writer: AggregateWriter) {}

  // The controller made the id (randomUUID): the stream cannot exist yet.
  execute({ input, context }: CreateStoryCommand): Promise<WriteResult> {
    return this.writer.execute(storyStream(input.storyId), storyDecider, input, context, { newStream: true });
  }
}
