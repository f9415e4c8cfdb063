import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { DiplomaticEventEntryDto } from '../reading/read-responses.dto';

/** OpenAPI shapes of GET /search (documentation only: the controller writes the JSON itself). */

export class MatchPartDto {
  @ApiProperty({ description: 'A piece of the field’s text, as it is (escape it before showing it as HTML).', example: 'Rubio' })
  text: string;
  @ApiPropertyOptional({ enum: [true], description: 'Present where this piece is a word the search matched.' })
  matched?: true;
}

export class SearchMatchDto {
  @ApiProperty({
    enum: ['title', 'participants', 'place', 'summary', 'quotes', 'headline', 'editorsNote', 'body'],
    description:
      'The field that matched: a fact’s title, participants, place, summary or quotes; a story’s headline, editor’s note or text.',
  })
  field: string;
  @ApiProperty({
    enum: ['words', 'similar'],
    description:
      '`words`: the searched words (or words they begin, or their forms: "talk" for "talks") are in the field; `similar`: a name in it is like the search text ("Zelensky" for "Zelenskyy").',
  })
  how: string;
  @ApiProperty({
    type: [MatchPartDto],
    description:
      'The field’s text (a long one: the passages around the matches, joined by " … "), cut into pieces, the matched words marked.',
  })
  parts: MatchPartDto[];
}

export class FactResultDto {
  @ApiProperty({ enum: ['fact'] }) type: 'fact';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'How well it matched: higher first. Comparable within one answer only.', example: 0.0607 }) score: number;
  @ApiProperty({ type: [SearchMatchDto], description: 'Why it matched: each field that did.' }) matches: SearchMatchDto[];
  @ApiProperty({ type: DiplomaticEventEntryDto, description: 'The fact’s current version, as the timeline answers it.' })
  entry: DiplomaticEventEntryDto;
}

export class StoryResultDto {
  @ApiProperty({ enum: ['story'] }) type: 'story';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'istanbul-peace-talks-2025' }) slug: string;
  @ApiProperty({ description: 'The latest revision’s headline.' }) headline: string;
  @ApiProperty({ description: 'The latest revision, whose text was searched.' }) revision: number;
  @ApiProperty({ format: 'date-time', description: 'When the newsroom published that revision.' }) publishedAt: string;
  @ApiProperty({ description: 'How well it matched: higher first. Comparable within one answer only.', example: 0.0413 }) score: number;
  @ApiProperty({ type: [SearchMatchDto], description: 'Why it matched: each field that did.' }) matches: SearchMatchDto[];
}

export class SearchResultsDto {
  @ApiProperty({ description: 'The search text, trimmed.', example: 'Rubio' }) q: string;
  @ApiProperty({ description: "The read models' log position this answer reflects.", example: 12353537 }) position: number;
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(FactResultDto) }, { $ref: getSchemaPath(StoryResultDto) }] },
    description:
      'Best first: facts (their current versions; retracted facts are not found) and stories (their latest revisions) together, ranked by where the words are (a title or headline before names, names before summaries and texts) and, for names, how alike they are.',
  })
  results: (FactResultDto | StoryResultDto)[];
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
}

export const SEARCH_EXTRA_MODELS = [FactResultDto, StoryResultDto, SearchMatchDto, MatchPartDto];
