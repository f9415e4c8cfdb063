import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { factReviewDecider, factReviewStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { ReviewFactCandidateCommand } from './review-fact-candidate.command';

@CommandHandler(ReviewFactCandidateCommand)
export class ReviewFactCandidateHandler implements ICommandHandler<ReviewFactCandidateCommand> {
  constructor(private readonly writer: AggregateWriter) {}

  // Load, decide, append: a candidate reviewed meanwhile makes the decider refuse, a concurrent review a 409.
  execute({ input, context }: ReviewFactCandidateCommand): Promise<WriteResult> {
    return this.writer.execute(factReviewStream(input.storyId.toLowerCase()), factReviewDecider, input, context);
  }
}
