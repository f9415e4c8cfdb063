import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { queryProblem } from './json-body-check';

/**
 * Refuses a query parameter named like an Object.prototype member (`?toString=`): the
 * ValidationPipe after this one would never see it (class-transformer drops such keys), and
 * the route would answer as if the parameter were not there.
 */
@Injectable()
export class QueryKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query') return value;
    const problem = queryProblem(value);
    if (problem) throw new BadRequestException([problem]);
    return value;
  }
}
