import { Principal, TokenRegistry, TokenSource } from './token-registry';

/** Who sends `Authorization: Bearer <token>`, or why nobody: the 401 message, which says where tokens come from. */
export function authenticate(header: string | string[] | undefined, tokens: TokenRegistry): { principal: Principal } | { problem: string } {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { problem: `missing bearer token: send Authorization: Bearer <token>; ${whereTokensAre(tokens.source)}` };
  const principal = tokens.identify(match[1]);
  return principal ? { principal } : { problem: `unknown bearer token; ${whereTokensAre(tokens.source)}` };
}

/** Where a client finds a token: the variables or files that hold them, never a token or a path on this machine. */
export function whereTokensAre(source: TokenSource): string {
  return source === 'generated'
    ? 'this service made its tokens at first start: the editor token is the file editor-token (the admin token admin-token) in its data directory (DATELINE_DATA_DIR, default .dateline)'
    : 'the tokens are the ones configured on the service in DATELINE_EDITOR_TOKENS (editors) and DATELINE_ADMIN_TOKENS (admins)';
}
