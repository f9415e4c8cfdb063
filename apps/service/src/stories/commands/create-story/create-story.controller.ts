import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CreateStory } from '@dateline/domain';
import { RequiresRole } from '../../../auth/requires-role.decorator';
import { plain } from '../../../writing/plain';
import type { WriteContext } from '../../../writing/write-context';
import { Write } from '../../../writing/write-context.decorator';
import { type WriteResponse, writeResponse } from '../../../writing/write-response';
import { CreateStoryDto } from './create-story.dto';
import { CreateStoryCommand } from './create-story.command';

@Controller('stories')
export class CreateStoryController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @RequiresRole('editor')
  async create(@Body() dto: CreateStoryDto, @Write() ctx: WriteContext): Promise<WriteResponse> {
    const input: CreateStory = { type: 'CreateStory', storyId: randomUUID(), ...plain<Omit<CreateStory, 'type' | 'storyId'>>(dto) };
    return writeResponse(await this.commands.execute(new CreateStoryCommand(input, ctx)), 'story');
  }
}
