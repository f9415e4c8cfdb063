import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { FactCandidatesQueries, ReadModelPositions } from '@dateline/projections';
import type { Settings } from '../config/settings';
import { RequiresRole } from '../auth/requires-role.decorator';
import { RecordDiplomaticEventDto } from '../diplomatic-events/dto/diplomatic-event-fields.dto';
import { ApiRead, ApiWrite } from '../http/api-docs';
import type { HeaderSink } from '../reading/consistency';
import { nextLink, PageCursors } from '../reading/page-cursor';
import { PAGE_CURSORS, pagePosition } from '../reading/pages';
import { DEFAULT_PAGE_LIMIT } from '../reading/read-query.dto';
import { SETTINGS } from '../storage/storage.tokens';
import { StoryAddresses, storyNotFound } from '../stories/story-addresses';
import { toDomainInput } from '../writing/domain-input';
import type { WriteContext } from '../writing/write-context';
import { Write } from '../writing/write-context.decorator';
import { FactCandidateReviews, ReviewAnswer } from './fact-candidate-reviews';
import { DismissalDto, FactCandidatesDto, FactCandidatesQueryDto, ReviewResponseDto } from './fact-review.dto';

const candidateParam = ApiParam({ name: 'candidateId', description: 'A candidate id of the story (`fc-` and 24 hex digits).' });
const REVIEW_CONFLICT =
  'The candidate was reviewed the other way already (accepted: `message` names its fact; dismissed: its reason), or it proposes a retraction, which is no fact to record.';

/**
 * Fact candidates of a story's revisions and their review (issue 18, docs/fact-finder.md):
 * candidates are a read model; accepting records the fact through POST /diplomatic-events' own
 * command, with its provenance, and both decisions are events of the story's fact-review stream.
 */
@ApiTags('fact review')
@Controller('stories/:id/fact-candidates')
export class FactReviewController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly candidates: FactCandidatesQueries,
    private readonly reviews: FactCandidateReviews,
    private readonly addresses: StoryAddresses,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(PAGE_CURSORS) private readonly cursors: PageCursors,
  ) {}

  @Get()
  @ApiRead({
    summary:
      "The fact candidates of a story's revisions (of one with `revision`), each with its evidence, proposed fields, confidence, flags and review",
    description:
      'By revision, then in the order of the text, in pages of `limit`. A candidate is `open` until an editor accepts it (`factId`: the fact recorded) or dismisses it (`reason`).',
    type: FactCandidatesDto,
    notFound: true,
    badRequest: 'minPosition, revision, limit or cursor is malformed.',
    paged: true,
  })
  async list(
    @Param('id') address: string,
    @Query() q: FactCandidatesQueryDto,
    @Req() request: { url: string },
    @Res({ passthrough: true }) reply: HeaderSink,
  ): Promise<FactCandidatesDto> {
    const query = ['fact-candidates', address, q.revision ?? null];
    const cursor = q.cursor === undefined ? undefined : this.cursors.decode(q.cursor, query);
    const [afterRevision, afterOrdinal] = cursor?.after ?? [];
    if (cursor && (cursor.after.length !== 2 || typeof afterRevision !== 'number' || typeof afterOrdinal !== 'number'))
      throw new BadRequestException(['cursor is not a cursor of this list: leave cursor out to start again']);
    const position = await pagePosition(this.positions, this.candidates.readModels, q, cursor, this.settings.minPositionWaitMs, reply);
    const id = await this.addresses.forRead(address);
    const revisions = await this.candidates.revisions(id, position);
    if (revisions.length === 0) throw storyNotFound(address);
    if (q.revision !== undefined && !revisions.some((r) => r.revision === q.revision))
      throw new NotFoundException(`story ${address} has no revision ${q.revision}: its revisions are 1 to ${revisions.length}`);
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const after = cursor ? ([afterRevision, afterOrdinal] as [number, number]) : undefined;
    const rows = await this.candidates.page(id, q, { at: position, ...(after ? { after } : {}), limit });
    const shown = rows.slice(0, limit);
    // Not among the HTTP-cached routes: a review changes the list without a purge naming the story.
    const next = rows.length > limit ? this.cursors.encode({ at: position, after: shown[shown.length - 1].key }, query) : undefined;
    if (next) reply.header('Link', nextLink(request.url, next));
    return {
      id,
      position,
      ...(q.revision !== undefined ? { revision: q.revision } : {}),
      candidates: shown.map((r) => r.candidate) as unknown as FactCandidatesDto['candidates'],
      ...(next ? { next } : {}),
    };
  }

  @Post(':candidateId/acceptance')
  @candidateParam
  @ApiWrite({
    summary: 'Accept a fact candidate, perhaps edited: records the fact (with its provenance) and the review',
    description:
      "The body is the fact as POST /diplomatic-events takes it (the proposed fields, edited), checked the same way; the story joins its storyIds, and publishedAt defaults to the revision's. The fact id comes from the candidate: accepting again answers 200 with the same fact and records nothing. A candidate that was dismissed is a 409.",
    type: ReviewResponseDto,
    ok: 'The candidate was accepted before: the same fact, nothing recorded.',
    notFound: true,
    conflictDescription: REVIEW_CONFLICT,
  })
  @HttpCode(201)
  @RequiresRole('editor')
  async accept(
    @Param('id') address: string,
    @Param('candidateId') candidateId: string,
    @Body() dto: RecordDiplomaticEventDto,
    @Write() ctx: WriteContext,
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<ReviewResponseDto> {
    const storyId = await this.addresses.forWrite(address);
    return answer(await this.reviews.accept(storyId, candidateId, toDomainInput(dto), ctx, address), reply);
  }

  @Post(':candidateId/dismissal')
  @candidateParam
  @ApiWrite({
    summary: 'Dismiss a fact candidate, saying why',
    description:
      'Dismissing again answers 200 with the first dismissal and records nothing. A candidate that was accepted is a 409 naming its fact.',
    type: ReviewResponseDto,
    ok: 'The candidate was dismissed before: the first dismissal, nothing recorded.',
    notFound: true,
    conflictDescription: REVIEW_CONFLICT,
  })
  @HttpCode(201)
  @RequiresRole('editor')
  async dismiss(
    @Param('id') address: string,
    @Param('candidateId') candidateId: string,
    @Body() dto: DismissalDto,
    @Write() ctx: WriteContext,
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<ReviewResponseDto> {
    const storyId = await this.addresses.forWrite(address);
    return answer(await this.reviews.dismiss(storyId, candidateId, dto.reason, ctx, address), reply);
  }
}

/** 201 for a review recorded now, 200 for one that was there: the body says the same either way. */
function answer(a: ReviewAnswer, reply: { status(code: number): unknown }): ReviewResponseDto {
  if (!a.created) reply.status(200);
  const { created: _created, ...body } = a;
  return body;
}
