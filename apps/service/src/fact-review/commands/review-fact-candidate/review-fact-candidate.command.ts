import { Command } from '@nestjs/cqrs';
import { FactReviewCommand } from '@dateline/domain';
import { WriteContext, WriteResult } from '../../../writing/write-context';

/** Records an editor's review of a fact candidate in the story's fact-review stream. */
export class ReviewFactCandidateCommand extends Command<WriteResult> {
  constructor(
    readonly input: FactReviewCommand,
    readonly context: WriteContext,
  ) {
    super();
  }
}
