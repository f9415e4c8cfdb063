import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { decimalIntegerProblem, IntegerRange, parseDecimalInteger } from '@dateline/domain';

/**
 * A path parameter that is a whole number, read strictly from the raw path (decimal digits
 * only, within `range`; see parseDecimalInteger); otherwise a 400 naming it. A custom
 * decorator rather than a pipe: the global ValidationPipe turns a `number` parameter into
 * `+value` before any pipe of the route sees it ("0x1" as 1, "1e3" as 1000), and Nest's
 * ParseIntPipe took any integer, so a revision of 2^31 or more failed in PostgreSQL's int4
 * column: a 500.
 */
export const DecimalIntegerParam = createParamDecorator(
  (spec: { name: string; range: IntegerRange }, context: ExecutionContext): number => {
    const params = context.switchToHttp().getRequest<{ params: Record<string, string | undefined> }>().params;
    const n = parseDecimalInteger(params[spec.name], spec.range);
    if (n === undefined) throw new BadRequestException([decimalIntegerProblem(spec.name, spec.range)]);
    return n;
  },
);
