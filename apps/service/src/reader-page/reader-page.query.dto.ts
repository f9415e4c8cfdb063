import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';
import { REVISION_NUMBER } from '@dateline/domain';
import { IsCalendarDate, IsDecimalInteger, IsInstant } from '../http/domain-validators';
import { ConsistencyQueryDto, pageCursor, StoryTimelineQueryDto } from '../reading/read-query.dto';
import { DEFAULT_LANGUAGE, PAGE_LANGUAGES } from './messages/catalogue';
import { catalogueLanguage } from './messages/choose-language';

/** `?lang=`: a language of the catalogue (docs/languages.md); without it, Accept-Language chooses. */
export function PageLang(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `The page's language, a BCP 47 tag naming one of ${PAGE_LANGUAGES.join(', ')} (a region is ignored: en-GB is en). Without it, the browser's Accept-Language chooses among them, else English.`,
      type: String,
      example: DEFAULT_LANGUAGE,
    }),
    emptyIsAbsent(),
    IsOptional(),
    ValidateBy({
      name: 'isPageLanguage',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && catalogueLanguage(value) !== undefined,
        defaultMessage: () => `lang must be a language these pages are written in: ${PAGE_LANGUAGES.join(', ')}`,
      },
    }),
  );
}

/** An empty form field means "not given". */
const emptyIsAbsent = () => Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/** A datetime-local input sends `2025-05-16T09:00[:05]` without an offset: the page's label says UTC. */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** An instant of the page's query: empty is absent, a datetime-local value (no offset) is UTC. */
function PageInstant(name: string, description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, example }),
    Transform(({ value }: { value: unknown }) =>
      value === '' ? undefined : typeof value === 'string' && LOCAL.test(value) ? `${value}Z` : value,
    ),
    IsOptional(),
    IsInstant({ message: `${name} must be a date and time such as ${example} (UTC) or ${example}:00+03:00` }),
  );
}

export class TimelinePageQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({
    description: 'First day (YYYY-MM-DD). Without from and to: the newest days that have entries.',
    example: '2025-05-01',
  })
  @emptyIsAbsent()
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD).', example: '2025-05-16' })
  @emptyIsAbsent()
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @PageInstant(
    'asOf',
    'Show the timeline as known at this instant: ISO 8601 with an offset, or a date and time without one, read as UTC.',
    '2025-05-16T09:00',
  )
  asOf?: string;

  @PageInstant(
    'asPublished',
    'Show the timeline as the newsroom had published it at this instant (editorial time), read like `asOf`. With `asOf` too, `asOf` is used.',
    '2025-05-16T12:00',
  )
  asPublished?: string;

  /** A day's "More entries of this day" link: the rest of that day (from = to = the day), as it stood when the day was first shown. */
  @pageCursor()
  cursor?: string;

  @PageLang()
  lang?: string;
}

export class StoryPageQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({ description: 'Compare from this revision (with `to`). Default: the revision before the latest.', minimum: 1 })
  @IsOptional()
  @IsDecimalInteger(REVISION_NUMBER, { emptyIsAbsent: true })
  from?: number;

  @ApiPropertyOptional({ description: 'Compare to this revision (with `from`). Default: the latest.', minimum: 1 })
  @IsOptional()
  @IsDecimalInteger(REVISION_NUMBER, { emptyIsAbsent: true })
  to?: number;

  @PageLang()
  lang?: string;
}

/** A story's timeline as a page: the JSON answer's query, and the page's language. */
export class StoryTimelinePageQueryDto extends StoryTimelineQueryDto {
  @PageLang()
  lang?: string;
}
