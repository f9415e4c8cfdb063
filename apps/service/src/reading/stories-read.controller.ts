import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, ParseIntPipe, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { diffWords } from 'diff';
import { isBoringRevision } from '@dateline/domain';
import { ProjectorService, summarizeRevisions } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';
import { readPosition, type HeaderSink } from './consistency';
import { ConsistencyQueryDto, DiffQueryDto } from './read-query.dto';

const StoryId = () => new ParseUUIDPipe({ version: '4' });

@Controller('stories')
export class StoriesReadController {
  constructor(
    private readonly projector: ProjectorService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get(':id')
  async get(@Param('id', StoryId()) id: string, @Query() q: ConsistencyQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    const position = await readPosition(this.projector, q.minPosition, this.settings.minPositionWaitMs, reply);
    const story = await this.projector.queries.story(id);
    if (!story) throw new NotFoundException(`story ${id} not found`);
    const { recordedAt, kind: _k, changeNote: _c, editor: _e, ...current } = story;
    return { ...current, updatedAt: recordedAt, position };
  }

  @Get(':id/revisions')
  async revisions(@Param('id', StoryId()) id: string, @Query() q: ConsistencyQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    const position = await readPosition(this.projector, q.minPosition, this.settings.minPositionWaitMs, reply);
    const revisions = await this.projector.queries.storyRevisions(id);
    if (!revisions) throw new NotFoundException(`story ${id} not found`);
    return { id, position, revisions: summarizeRevisions(revisions) };
  }

  @Get(':id/revisions/:n')
  async revision(@Param('id', StoryId()) id: string, @Param('n', ParseIntPipe) n: number, @Query() q: ConsistencyQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    const position = await readPosition(this.projector, q.minPosition, this.settings.minPositionWaitMs, reply);
    const revision = await this.projector.queries.storyRevision(id, n);
    if (!revision) throw new NotFoundException(`story ${id} has no revision ${n}`);
    return { ...revision, position };
  }

  /** Word-level diff of headline and body between two revisions (jsdiff's diffWords). */
  @Get(':id/diff')
  async diff(@Param('id', StoryId()) id: string, @Query() q: DiffQueryDto, @Res({ passthrough: true }) reply: HeaderSink) {
    const position = await readPosition(this.projector, q.minPosition, this.settings.minPositionWaitMs, reply);
    const [from, to] = await Promise.all([this.projector.queries.storyRevision(id, q.from), this.projector.queries.storyRevision(id, q.to)]);
    if (!from && !to && !(await this.projector.queries.storyRevision(id, 1))) throw new NotFoundException(`story ${id} not found`);
    if (!from) throw new NotFoundException(`story ${id} has no revision ${q.from}`);
    if (!to) throw new NotFoundException(`story ${id} has no revision ${q.to}`);
    if (q.from === q.to) throw new BadRequestException(['from and to must be different revisions']);
    const changes = (a: string, b: string) => diffWords(a, b).map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
    return {
      id,
      from: q.from,
      to: q.to,
      boring: isBoringRevision(from, to),
      headline: changes(from.headline, to.headline),
      body: changes(from.body, to.body),
      position,
    };
  }
}
