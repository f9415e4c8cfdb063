import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authenticate } from './bearer-token';
import { REQUIRED_ROLE } from './requires-role.decorator';
import { AuthRole, Principal, TokenRegistry } from './token-registry';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/**
 * Checks `Authorization: Bearer <token>` on routes marked with `@RequiresRole`. Writes arrive
 * authenticated already (authenticate-writes.hook.ts, before their body); reads such as
 * GET /admin/status are authenticated here.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenRegistry) private readonly tokens: TokenRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const role = this.reflector.getAllAndOverride<AuthRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (!role) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    let principal = request.principal;
    if (!principal) {
      const who = authenticate(request.headers.authorization, this.tokens);
      if ('problem' in who) throw new UnauthorizedException(who.problem);
      principal = who.principal;
    }
    if (!principal.roles.includes(role)) throw new ForbiddenException(`this route needs the ${role} role`);
    request.principal = principal;
    return true;
  }
}
