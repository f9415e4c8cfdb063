import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { diplomaticEventDecider, diplomaticEventStream } from '@dateline/domain';
import { AggregateWriter } from '../../../writing/aggregate-writer';
import { StoryReferences } from '../../story-references';
import { StoryRelations } from '../../story-relations';
import { WriteResult } from '../../../writing/write-context';
import { AmendDiplomaticEventCommand } from './amend-diplomatic-event.command';

const RELATION_INPUTS = ['relations', 'when', 'storyIds'] as const;

@CommandHandler(AmendDiplomaticEventCommand)
export class AmendDiplomaticEventHandler implements ICommandHandler<AmendDiplomaticEventCommand> {
  constructor(
    private readonly writer: AggregateWriter,
    private readonly stories: StoryReferences,
    private readonly relations: StoryRelations,
  ) {}

  async execute({ input, context }: AmendDiplomaticEventCommand): Promise<WriteResult> {
    await this.stories.requireExisting(input.changes.storyIds, 'changes.storyIds');
    return this.writer.execute(diplomaticEventStream(input.eventId), diplomaticEventDecider, input, context, {
      // Only what can change the order: the relations, the date, the stories (a new date may contradict relations to this fact).
      verify: async (next, events) => {
        const changed = events.some((e) => e.type === 'DiplomaticEventAmended' && RELATION_INPUTS.some((k) => k in e.data.changes));
        if (changed && next.fields) await this.relations.check(input.eventId, next.fields);
      },
    });
  }
}
