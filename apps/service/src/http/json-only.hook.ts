/**
 * Writes take JSON only: anything else is a 415 before it reaches a route (Fastify would
 * otherwise parse text/plain and leave the validation to explain a string body).
 */
export function jsonOnly(
  request: { method: string; headers: Record<string, string | string[] | undefined> },
  reply: { code(status: number): { send(body: unknown): unknown } },
  done: () => void,
): void {
  if (request.method === 'POST' || request.method === 'PUT' || request.method === 'PATCH') {
    const type = String(request.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      reply.code(415).send({ statusCode: 415, error: 'Unsupported Media Type', message: 'send the body as application/json' });
      return;
    }
  }
  done();
}
