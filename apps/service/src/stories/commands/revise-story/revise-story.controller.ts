import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ReviseStory } from '@dateline/domain';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { plain } from '../../../writing/plain';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { ReviseStoryDto } from './revise-story.dto';
import { ReviseStoryCommand } from './revise-story.command';

@Controller('stories')
export class ReviseStoryController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/revisions')
  @HttpCode(201)
  @RequiresRole('editor')
  async revise(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string, @Body() dto: ReviseStoryDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const input: ReviseStory = { type: 'ReviseStory', storyId: id, ...plain<Omit<ReviseStory, 'type' | 'storyId'>>(dto) };
    return writeResponse(await this.commands.execute(new ReviseStoryCommand(input, ctx)), 'story');
  }
}
