import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Checks what the service really did against its OpenAPI document: every answer's status,
 * content type and body must be documented for its route, and every request that got a 2xx
 * must match the documented parameters and body (a request the document calls invalid must
 * not succeed). test-app.ts records the exchanges of each e2e suite and checks them on close.
 */

export interface Exchange {
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly status: number;
  readonly contentType?: string;
  readonly payload?: string;
  /** The body was a stream (not read here): only its content type is checked. */
  readonly streamed?: boolean;
  readonly requestBody?: unknown;
  readonly query: Record<string, unknown>;
}

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Route {
  template: string;
  pattern: RegExp;
  names: string[];
  item: Record<string, Operation>;
}

/** One checker per document: routes and compiled schemas are made once. */
export class OpenApiConformance {
  private readonly routes: Route[];
  private readonly ajv = withFormats(new Ajv({ allErrors: true, strict: false }));
  /** Parameters arrive as strings: coerce them like the service's pipes do. */
  private readonly params = withFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true }));
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenAPIObject) {
    // Refs inside operations point at '#/components/...' of the document: register it once.
    const components = JSON.parse(JSON.stringify({ components: doc.components }).replaceAll('"#/components/', '"openapi#/components/'));
    this.ajv.addSchema(components, 'openapi');
    this.params.addSchema(components, 'openapi');
    // Literal segments win over parameters, as in Fastify's router (/timeline/stream before /timeline/{date}).
    this.routes = Object.entries(doc.paths)
      .map(([template, item]) => {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}$`);
        return { template, pattern, names, item: item as unknown as Record<string, Operation> };
      })
      .sort((a, b) => a.names.length - b.names.length);
  }

  /** The problems of one exchange, each naming route, status and what disagreed; [] when it conforms. */
  problems(x: Exchange): string[] {
    const method = x.method.toLowerCase();
    const path = x.url.split('?')[0];
    const route = this.routes.find((r) => r.pattern.test(path) && r.item[method]);
    // Not a documented route (the docs UI, unknown paths): nothing to hold it to.
    if (!route || method === 'head') return [];
    const op = route.item[method];
    const where = `${x.method} ${route.template} (${x.url.slice(0, 120)}) answered ${x.status}`;
    const problems = this.responseProblems(op, x).map((p) => `${where}: ${p}`);
    if (x.status >= 200 && x.status < 300) {
      const values = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(path.match(route.pattern)![i + 1])]));
      problems.push(...this.requestProblems(op, x, values).map((p) => `${where}, but the request does not match the document: ${p}`));
    }
    return problems;
  }

  private responseProblems(op: Operation, x: Exchange): string[] {
    const response = op.responses[String(x.status)] ?? op.responses.default;
    if (!response) return [`status ${x.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`];
    const media = x.contentType?.split(';')[0].trim().toLowerCase();
    const hasBody = x.streamed === true || (x.payload !== undefined && x.payload.length > 0);
    if (!response.content) return hasBody ? [`a ${media} body, but the document says this answer has none`] : [];
    if (!hasBody && !media) return [`no body, but the document says ${Object.keys(response.content).join(' or ')}`];
    const documented = response.content[media ?? ''];
    if (!documented) return [`content type ${media} is not documented (documented: ${Object.keys(response.content).join(', ')})`];
    if (!documented.schema || media !== 'application/json' || x.streamed) return [];
    let body: unknown;
    try {
      body = JSON.parse(x.payload ?? '');
    } catch {
      return ['the body is not JSON'];
    }
    return this.check(this.ajv, documented.schema, body, 'response body');
  }

  private requestProblems(op: Operation, x: Exchange, pathValues: Record<string, string>): string[] {
    const problems: string[] = [];
    const params = op.parameters ?? [];
    for (const where of ['path', 'query'] as const) {
      const declared = params.filter((p) => p.in === where);
      const values = where === 'path' ? pathValues : x.query;
      const unknown = Object.keys(values).filter((k) => !declared.some((p) => p.name === k));
      if (unknown.length > 0) problems.push(`undocumented ${where} parameter(s) ${unknown.join(', ')}`);
      const schema = {
        type: 'object',
        properties: Object.fromEntries(declared.map((p) => [p.name, p.schema ?? {}])),
        required: declared.filter((p) => p.required).map((p) => p.name),
      };
      problems.push(...this.check(this.params, schema, { ...values }, `${where} parameters`));
    }
    const json = op.requestBody?.content?.['application/json']?.schema;
    if (x.requestBody !== undefined && x.requestBody !== null) {
      if (!json) problems.push('a JSON body, but the document describes none');
      else problems.push(...this.check(this.ajv, json, x.requestBody, 'request body'));
    } else if (op.requestBody?.required) {
      problems.push('no body, but the document requires one');
    }
    return problems;
  }

  private check(ajv: Ajv, schema: Schema, value: unknown, what: string): string[] {
    const key = JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/');
    const cacheKey = `${ajv === this.params ? 'p' : 'b'}${key}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = ajv.compile(JSON.parse(key));
      this.compiled.set(cacheKey, validate);
    }
    if (validate(value)) return [];
    return [`${what} fails ${describeSchema(schema)}: ${ajv.errorsText(validate.errors, { dataVar: what.split(' ')[0] })}`];
  }
}

function describeSchema(schema: Schema): string {
  return typeof schema.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : 'its schema';
}

function withFormats(ajv: Ajv): Ajv {
  addFormats(ajv);
  return ajv;
}
