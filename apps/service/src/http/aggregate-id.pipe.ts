import { NotFoundException, PipeTransform } from '@nestjs/common';
import { isUuid } from '@dateline/domain';

/**
 * An aggregate's id in a path. Ids are UUIDs (any version: the zero UUID too), lowercased as
 * they are stored; anything else names nothing here, so it is a 404 like an unknown id, not a
 * 400 about UUID syntax the client never chose.
 */
export class AggregateIdPipe implements PipeTransform<string, string> {
  constructor(private readonly noun: string) {}

  transform(value: string): string {
    if (!isUuid(value))
      throw new NotFoundException(`${this.noun} ${JSON.stringify(value)} not found: ids are the UUIDs that creating one answered`);
    return value.toLowerCase();
  }
}
