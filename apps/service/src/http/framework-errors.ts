import type { FastifyReply, FastifyRequest } from 'fastify';

/** Fastify's router default for maxParamLength. */
export const MAX_PATH_PARAMETER_LENGTH = 100;

const ANSWERS: Record<string, readonly [number, string, string]> = {
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URI Too Long', `a path parameter is longer than ${MAX_PATH_PARAMETER_LENGTH} characters`],
  FST_ERR_BAD_URL: [400, 'Bad Request', 'the path is not valid percent-encoded UTF-8'],
};

/**
 * Answers for what Fastify's router rejects before any route, hook or Nest filter runs: a path
 * parameter longer than maxParamLength (414) and a path that is not valid percent-encoding
 * (400). Fastify's own answers echo the whole path back (kilobytes of it, into logs and error
 * pages); these name the problem, in the error shape of every other route.
 */
export function frameworkErrors(error: { code?: string }, _request: FastifyRequest, reply: FastifyReply): void {
  const [statusCode, name, message] = ANSWERS[error.code ?? ''] ?? [500, 'Internal Server Error', 'internal error'];
  void reply.code(statusCode).type('application/json; charset=utf-8').send({ statusCode, error: name, message });
}
