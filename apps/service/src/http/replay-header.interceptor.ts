import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { map, Observable } from 'rxjs';
import { REPLAYED } from '../writing/write-response';

/** Says `Idempotent-Replayed: true` when a write answered an earlier answer again. */
@Injectable()
export class ReplayHeaderInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        if (body && typeof body === 'object' && (body as Record<symbol, unknown>)[REPLAYED]) {
          context.switchToHttp().getResponse<{ header(n: string, v: string): unknown }>().header('Idempotent-Replayed', 'true');
        }
        return body;
      }),
    );
  }
}
