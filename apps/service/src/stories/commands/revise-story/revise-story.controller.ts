import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ReviseStory } from '@dateline/domain';
import { ApiWrite } from '../../../http/api-docs';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { toDomainInput } from '../../../writing/domain-input';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { ReviseStoryDto } from './revise-story.dto';
import { ReviseStoryCommand } from './revise-story.command';
import { StoryAddresses } from '../../story-addresses';

@ApiTags('stories')
@Controller('stories')
export class ReviseStoryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly addresses: StoryAddresses,
  ) {}

  @Post(':id/revisions')
  @ApiWrite({
    summary: 'Revise a story: a new revision, an update or a correction',
    description:
      'The story by id or slug. `expectedRevision` is the revision the change is based on; a stale one is a 409 with `currentRevision` (and `currentVersion`, the same number).',
    notFound: true,
  })
  @HttpCode(201)
  @RequiresRole('editor')
  async revise(@Param('id') address: string, @Body() dto: ReviseStoryDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const id = await this.addresses.forWrite(address);
    const input: ReviseStory = { type: 'ReviseStory', storyId: id, ...toDomainInput(dto) };
    return writeResponse(await this.commands.execute(new ReviseStoryCommand(input, ctx)), 'story');
  }
}
