import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TimelineJsDate, TimelineJsDocument, TimelineJsSlide, TimelineJsText } from './timelinejs';

/** OpenAPI shapes of the TimelineJS export (see timelinejs.ts). */
export class TimelineJsDateDto implements TimelineJsDate {
  @ApiProperty({ example: 2025 }) year: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, example: 5 }) month?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 31, example: 16 }) day?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Only when the time is known: local wall clock where it happened.' })
  hour?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 59 }) minute?: number;
  @ApiPropertyOptional({ example: 'c. 16 May 2025 (inferred)' }) display_date?: string;
}

export class TimelineJsTextDto implements TimelineJsText {
  @ApiProperty({ description: 'HTML-escaped.' }) headline: string;
  @ApiProperty({ description: 'HTML (escaped values): summary, when, where, participants, sources, quotes.' }) text: string;
}

export class TimelineJsSlideDto implements TimelineJsSlide {
  @ApiProperty({ type: TimelineJsDateDto }) start_date: TimelineJsDateDto;
  @ApiPropertyOptional({ type: TimelineJsDateDto, description: 'For a span: its last possible day.' }) end_date?: TimelineJsDateDto;
  @ApiProperty({ type: TimelineJsTextDto }) text: TimelineJsTextDto;
  @ApiProperty({ example: 'Talks' }) group: string;
  @ApiProperty({ example: 'event-5f0c…', description: 'Stable per entry: `event-<id>`, or `story-<id>-r<revision>`.' }) unique_id: string;
  @ApiPropertyOptional({ example: 'between 1 and 16 May 2025 (approximate, inferred)' }) display_date?: string;
}

export class TimelineJsTitleDto {
  @ApiProperty({ type: TimelineJsTextDto }) text: TimelineJsTextDto;
  @ApiProperty({ example: 'title' }) unique_id: string;
}

export class TimelineJsDocumentDto implements TimelineJsDocument {
  @ApiPropertyOptional({ type: TimelineJsTitleDto }) title?: TimelineJsTitleDto;
  @ApiProperty({ type: [TimelineJsSlideDto] }) events: TimelineJsSlideDto[];
}
