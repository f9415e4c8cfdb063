import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { budgetHeaders, WriteBudget } from './write-budget';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Rate limiting on the API's writes, from the editor's WriteBudget (write-budget.ts). Reads are
 * public and never limited here. It runs after the bearer guard, so the budget is the token's,
 * and editors behind one newsroom proxy do not share one.
 *
 * Our own small guard rather than @nestjs/throttler: its 6.x build is CommonJS and requires the
 * ESM-only @nestjs/common, which Node 20 runs but Jest's ESM mode cannot load (only Node 24.9+
 * lets Jest require ESM), so the suite could not test it.
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate {
  constructor(private readonly budget: WriteBudget) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<{ method: string; ip?: string; principal?: { name: string } }>();
    if (READS.has(request.method)) return true;
    const spent = this.budget.spend(request.principal ? `token:${request.principal.name}` : `ip:${request.ip}`);
    if (!spent) return true;
    const reply = http.getResponse<{ header(name: string, value: string): unknown }>();
    for (const [name, value] of Object.entries(budgetHeaders(spent))) reply.header(name, value);
    if ('retryAfterSeconds' in spent)
      throw new HttpException(
        `too many writes: at most ${spent.limit} per minute per editor; retry after the time in Retry-After`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    return true;
  }
}
