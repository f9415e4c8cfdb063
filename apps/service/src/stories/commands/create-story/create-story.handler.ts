import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { parseStream, SlugTaken, storyDecider, storySlugClaim, storyStream } from '@dateline/domain';
import { ClaimTaken } from '@dateline/event-store';
import { StoryRevisionsQueries } from '@dateline/projections';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { WriteResult } from '../../../writing/write-context';
import { CreateStoryCommand } from './create-story.command';

/**
 * A slug belongs to one story: the story's stream claims it in the same append as its creation,
 * so of concurrent creates with one slug one lands and the others are told which story has it
 * (docs/adr/0010-unique-slugs.md).
 */
@CommandHandler(CreateStoryCommand)
export class CreateStoryHandler implements ICommandHandler<CreateStoryCommand> {
  constructor(
    private readonly writer: AggregateWriter,
    private readonly revisions: StoryRevisionsQueries,
  ) {}

  // The controller made the id (randomUUID): the stream cannot exist yet.
  async execute({ input, context }: CreateStoryCommand): Promise<WriteResult> {
    const { slug } = input;
    try {
      return await this.writer.execute(storyStream(input.storyId), storyDecider, input, context, {
        newStream: true,
        claims: [storySlugClaim(slug)],
        // Stories created before slugs were claimed hold theirs only in the read models.
        check: async () => {
          const older = await this.revisions.storyIdBySlug(slug);
          if (older) throw new SlugTaken(slug, older);
        },
      });
    } catch (err) {
      if (err instanceof ClaimTaken) throw new SlugTaken(slug, parseStream(err.holder)?.id ?? err.holder);
      throw err;
    }
  }
}
