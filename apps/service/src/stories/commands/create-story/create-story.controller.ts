import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { CreateStory } from '@dateline/domain';
import { ApiWrite, SlugTakenResponseDto } from '../../../http/api-docs';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { toDomainInput } from '../../../writing/domain-input';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { CreateStoryDto } from './create-story.dto';
import { CreateStoryCommand } from './create-story.command';

@ApiTags('stories')
@Controller('stories')
export class CreateStoryController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiWrite({ summary: 'Create a story (revision 1)', conflict: false })
  @ApiConflictResponse({
    type: SlugTakenResponseDto,
    description: 'Another story has this slug: `storyId` names it, and nothing was written.',
  })
  @HttpCode(201)
  @RequiresRole('editor')
  async create(@Body() dto: CreateStoryDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const input: CreateStory = { type: 'CreateStory', storyId: randomUUID(), ...toDomainInput(dto) };
    return writeResponse(await this.commands.execute(new CreateStoryCommand(input, ctx)), 'story');
  }
}
