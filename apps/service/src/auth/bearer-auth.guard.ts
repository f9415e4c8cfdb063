import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REQUIRED_ROLE } from './requires-role.decorator';
import { AuthRole, Principal, TokenRegistry } from './token-registry';

export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** Checks `Authorization: Bearer <token>` on routes marked with `@RequiresRole`. */
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
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <token>');
    const principal = this.tokens.identify(match[1]);
    if (!principal) throw new UnauthorizedException('unknown bearer token');
    if (!principal.roles.includes(role)) throw new ForbiddenException(`this route needs the ${role} role`);
    request.principal = principal;
    return true;
  }
}
