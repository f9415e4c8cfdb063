import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The optional `publishedAt` of story revisions and facts (issue 16): shape here; the domain
 * checks the instant (publishedAtProblems) and the writer its order against recorded time and
 * the revision before (editorialTimeProblems), each a 400 naming the rule.
 */
export function PublishedAt(): PropertyDecorator {
  const decorators = [
    ApiPropertyOptional({
      type: String,
      format: 'date-time',
      maxLength: 40,
      description:
        'Editorial time: when the newsroom published or learned it, an RFC 3339 instant. Never after the write is recorded (so never in the future); a story revision never before the revision before.',
      example: '2025-05-16T09:00:00Z',
    }),
    IsOptional(),
    IsString(),
    MaxLength(40),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
}
