import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { Principal } from '../auth/token-registry';
import { headerText } from '../http/header-text';
import { WriteContext } from './write-context';

interface WriteRequest {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The WriteContext of a request: who, which correlation id, and its Idempotency-Key. */
export const Write = createParamDecorator((_: unknown, context: ExecutionContext): WriteContext => {
  const req = context.switchToHttp().getRequest<WriteRequest>();
  const key = header(req, 'idempotency-key');
  if (key !== undefined && !KEY.test(key)) throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters');
  // As text, so that its Kafka header (ce_correlationid) carries the client's UTF-8 bytes once.
  const raw = header(req, 'x-correlation-id');
  const correlation = raw === undefined ? undefined : headerText(raw);
  return {
    principal: req.principal!,
    correlationId: correlation && correlation.length <= 200 ? correlation : randomUUID(),
    ...(key !== undefined ? { idempotencyKey: key, fingerprint: fingerprint(req) } : {}),
  };
});

function header(req: WriteRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The same key must come back with the same method, path and body (key order does not matter). */
function fingerprint(req: WriteRequest): string {
  const path = req.url.split('?')[0];
  return createHash('sha256')
    .update(`${req.method} ${path}\n${canonicalJson(req.body)}`)
    .digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
