import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../storage/storage.tokens';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The limit is per minute (DATELINE_WRITE_RATE_LIMIT), in fixed windows. */
const WINDOW_MS = 60_000;
/**
 * Windows kept before expired ones are swept, on the next new window: a bound on memory when
 * many clients (or forged principals) come and go, without a sweep on every request.
 */
const SWEEP_AFTER_WINDOWS = 10_000;

interface Window {
  start: number;
  count: number;
}

/**
 * Rate limiting on writes: at most `DATELINE_WRITE_RATE_LIMIT` writes per minute per editor
 * token (fixed one-minute windows; 0 turns it off, e.g. for benchmarks). Reads are public and
 * never limited here. It runs after the bearer guard, so the budget is the token's, and editors
 * behind one newsroom proxy do not share one.
 *
 * Our own small guard rather than @nestjs/throttler: its 6.x build is CommonJS and requires the
 * ESM-only @nestjs/common, which Node 20 runs but Jest's ESM mode cannot load (only Node 24.9+
 * lets Jest require ESM), so the suite could not test it. Counts are per process: with several
 * instances behind a load balancer, the limit is per instance.
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, Window>();

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  canActivate(context: ExecutionContext): boolean {
    const limit = this.settings.writeRateLimit;
    const http = context.switchToHttp();
    const request = http.getRequest<{ method: string; ip?: string; principal?: { name: string } }>();
    if (limit <= 0 || READS.has(request.method)) return true;
    const reply = http.getResponse<{ header(name: string, value: string): unknown }>();
    const now = Date.now();
    const key = request.principal ? `token:${request.principal.name}` : `ip:${request.ip}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > SWEEP_AFTER_WINDOWS) this.forgetExpired(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    reply.header('X-RateLimit-Limit', String(limit));
    if (window.count >= limit) {
      reply.header('Retry-After', String(resetSeconds));
      reply.header('X-RateLimit-Remaining', '0');
      throw new HttpException(
        `too many writes: at most ${limit} per minute per editor; retry after the time in Retry-After`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    window.count++;
    reply.header('X-RateLimit-Remaining', String(limit - window.count));
    return true;
  }

  private forgetExpired(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}
