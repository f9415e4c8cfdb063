import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { REQUIRED_ROLE } from './requires-role.decorator';
import { AuthRole, Principal, TokenRegistry, TokenSource } from './token-registry';

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
    if (!match) throw new UnauthorizedException(`missing bearer token: send Authorization: Bearer <token>; ${whereTokensAre(this.tokens.source)}`);
    const principal = this.tokens.identify(match[1]);
    if (!principal) throw new UnauthorizedException(`unknown bearer token; ${whereTokensAre(this.tokens.source)}`);
    if (!principal.roles.includes(role)) throw new ForbiddenException(`this route needs the ${role} role`);
    request.principal = principal;
    return true;
  }
}

/** Where a client finds a token: the variables or files that hold them, never a token or a path on this machine. */
export function whereTokensAre(source: TokenSource): string {
  return source === 'generated'
    ? 'this service made its tokens at first start: the editor token is the file editor-token (the admin token admin-token) in its data directory (DATELINE_DATA_DIR, default .dateline)'
    : 'the tokens are the ones configured on the service in DATELINE_EDITOR_TOKENS (editors) and DATELINE_ADMIN_TOKENS (admins)';
}
