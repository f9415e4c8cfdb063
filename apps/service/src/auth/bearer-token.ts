import { Principal, TokenRegistry } from './token-registry';

/** Who sends `Authorization: Bearer <token>`, or why nobody: the 401 message. */
export function authenticate(header: string | string[] | undefined, tokens: TokenRegistry): { principal: Principal } | { problem: string } {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { problem: 'missing bearer token: send Authorization: Bearer <token>' };
  const principal = tokens.identify(match[1]);
  return principal ? { principal } : { problem: 'unknown bearer token' };
}
