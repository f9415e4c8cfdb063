import { Command } from '@nestjs/cqrs';
import { ReviseStory } from '@dateline/domain';
import { WriteContext, WriteResult } from '../../../writing/write-context';

export class ReviseStoryCommand extends Command<WriteResult> {
  constructor(
    readonly input: ReviseStory,
    readonly context: WriteContext,
  ) {
    super();
  }
}
