import { Command } from '@nestjs/cqrs';
import { CreateStory } from '@dateline/domain';
import { WriteContext, WriteResult } from '../../../writing/write-context';

export class CreateStoryCommand extends Command<WriteResult> {
  constructor(
    readonly input: CreateStory,
    readonly context: WriteContext,
  ) {
    super();
  }
}
